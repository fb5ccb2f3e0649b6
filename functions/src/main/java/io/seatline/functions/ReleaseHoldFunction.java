package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code releaseHold}: gives the seats of a live hold back (the caller's own; an admin's, any). */
class ReleaseHoldFunction implements Function<Message<Requests.OfHold>, Views.Hold> {

	private final SeatHolds holds;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	ReleaseHoldFunction(SeatHolds holds, Sessions sessions, IdempotentRequests requests) {
		this.holds = holds;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.Hold apply(Message<Requests.OfHold> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var request = message.getPayload();
		var holdId = Fields.required("holdId", request.holdId());
		return this.requests.once(user, "releaseHold", IdempotencyKeys.of(message.getHeaders()), request,
				Views.Hold.class, () -> Views.Hold.of(this.holds.release(user, holdId)));
	}
}
