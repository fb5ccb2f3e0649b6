package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.HoldSeats;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code holdSeats}: holds the requested seats of one event for the caller while they pay, all or none. */
class HoldSeatsFunction implements Function<Message<Requests.SeatsOfEvent>, Views.Hold> {

	private final SeatHolds holds;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	HoldSeatsFunction(SeatHolds holds, Sessions sessions, IdempotentRequests requests) {
		this.holds = holds;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.Hold apply(Message<Requests.SeatsOfEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var request = message.getPayload();
		return this.requests.once(user, "holdSeats", IdempotencyKeys.of(message.getHeaders()), request,
				Views.Hold.class,
				() -> Views.Hold.of(this.holds.hold(user, new HoldSeats(request.eventId(), request.seats()))));
	}
}
