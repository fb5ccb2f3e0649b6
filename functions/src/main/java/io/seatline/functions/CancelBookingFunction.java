package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code cancelBooking}: cancels one of the caller's bookings; its seats become available. */
class CancelBookingFunction implements Function<Message<Requests.OfBooking>, Views.Booking> {

	private final SeatReservations reservations;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	CancelBookingFunction(SeatReservations reservations, Sessions sessions, IdempotentRequests requests) {
		this.reservations = reservations;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.Booking apply(Message<Requests.OfBooking> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var bookingId = Fields.required("bookingId", message.getPayload().bookingId());
		return this.requests.once(user, "cancelBooking", IdempotencyKeys.of(message.getHeaders()),
				message.getPayload(), Views.Booking.class,
				() -> Views.Booking.of(this.reservations.cancel(user, bookingId)));
	}
}
