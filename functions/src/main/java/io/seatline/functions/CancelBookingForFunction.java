package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.CancelBookingFor;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code cancelBookingFor} (admin): cancels any customer's booking, with a reason the customer is emailed. */
class CancelBookingForFunction implements Function<Message<Requests.CancelBookingFor>, Views.FoundBooking> {

	private final SeatReservations reservations;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	CancelBookingForFunction(SeatReservations reservations, Sessions sessions, IdempotentRequests requests) {
		this.reservations = reservations;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.FoundBooking apply(Message<Requests.CancelBookingFor> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.requests.once(user, "cancelBookingFor", IdempotencyKeys.of(message.getHeaders()), request,
				Views.FoundBooking.class, () -> Views.FoundBooking.of(this.reservations.cancelFor(user,
					new CancelBookingFor(request.bookingId(), request.reference(), request.reason()))));
	}
}
