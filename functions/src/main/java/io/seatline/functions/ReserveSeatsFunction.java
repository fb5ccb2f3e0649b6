package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code reserveSeats}: books the requested seats of one event, all or none. */
class ReserveSeatsFunction implements Function<Message<Requests.ReserveSeats>, Views.Booking> {

	private final SeatReservations reservations;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	ReserveSeatsFunction(SeatReservations reservations, Sessions sessions, IdempotentRequests requests) {
		this.reservations = reservations;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.Booking apply(Message<Requests.ReserveSeats> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var request = message.getPayload();
		return this.requests.once(user, "reserveSeats", IdempotencyKeys.of(message.getHeaders()), request,
				Views.Booking.class, () -> Views.Booking
					.of(this.reservations.reserve(user, new ReserveSeats(request.eventId(), request.seats()))));
	}
}
