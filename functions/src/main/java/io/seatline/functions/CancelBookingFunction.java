package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatReservations;

/** {@code cancelBooking}: cancels one of the caller's bookings; its seats become available. */
class CancelBookingFunction implements Function<Message<Requests.OfBooking>, Views.Booking> {

	private final SeatReservations reservations;

	private final Sessions sessions;

	CancelBookingFunction(SeatReservations reservations, Sessions sessions) {
		this.reservations = reservations;
		this.sessions = sessions;
	}

	@Override
	public Views.Booking apply(Message<Requests.OfBooking> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var bookingId = Fields.required("bookingId", message.getPayload().bookingId());
		return Views.Booking.of(this.reservations.cancel(user, bookingId));
	}
}
