package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;

/** {@code reserveSeats}: books the requested seats of one event, all or none. */
class ReserveSeatsFunction implements Function<Message<Requests.ReserveSeats>, Views.Booking> {

	private final SeatReservations reservations;

	private final Sessions sessions;

	ReserveSeatsFunction(SeatReservations reservations, Sessions sessions) {
		this.reservations = reservations;
		this.sessions = sessions;
	}

	@Override
	public Views.Booking apply(Message<Requests.ReserveSeats> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var request = message.getPayload();
		return Views.Booking.of(this.reservations.reserve(user, new ReserveSeats(request.eventId(), request.seats())));
	}
}
