package io.seatline.functions;

import java.util.List;
import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatReservations;

/** {@code myBookings}: the caller's bookings, newest first. */
class MyBookingsFunction implements Function<Message<Requests.Empty>, List<Views.MyBooking>> {

	private final SeatReservations reservations;

	private final Sessions sessions;

	MyBookingsFunction(SeatReservations reservations, Sessions sessions) {
		this.reservations = reservations;
		this.sessions = sessions;
	}

	@Override
	public List<Views.MyBooking> apply(Message<Requests.Empty> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		return this.reservations.bookingsOf(user).stream().map(Views.MyBooking::of).toList();
	}
}
