package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatHolds;

/** {@code releaseHold}: gives the seats of a live hold back (the caller's own; an admin's, any). */
class ReleaseHoldFunction implements Function<Message<Requests.OfHold>, Views.Hold> {

	private final SeatHolds holds;

	private final Sessions sessions;

	ReleaseHoldFunction(SeatHolds holds, Sessions sessions) {
		this.holds = holds;
		this.sessions = sessions;
	}

	@Override
	public Views.Hold apply(Message<Requests.OfHold> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		return Views.Hold.of(this.holds.release(user, Fields.required("holdId", message.getPayload().holdId())));
	}
}
