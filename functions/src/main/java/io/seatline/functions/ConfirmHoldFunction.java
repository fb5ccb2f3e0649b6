package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.idempotency.IdempotentRequests;
import io.seatline.engine.payment.Checkout;

/**
 * {@code confirmHold}: turns one of the caller's live holds of free seats into a confirmed booking; with
 * {@code paidAtBoxOffice: true}, an admin confirms any live hold its buyer paid for at the box office.
 */
class ConfirmHoldFunction implements Function<Message<Requests.ConfirmHold>, Views.Booking> {

	private final SeatHolds holds;

	private final Checkout checkout;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	ConfirmHoldFunction(SeatHolds holds, Checkout checkout, Sessions sessions, IdempotentRequests requests) {
		this.holds = holds;
		this.checkout = checkout;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.Booking apply(Message<Requests.ConfirmHold> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var request = message.getPayload();
		var holdId = Fields.required("holdId", request.holdId());
		return this.requests.once(user, "confirmHold", IdempotencyKeys.of(message.getHeaders()), request,
				Views.Booking.class,
				() -> Views.Booking.of(Boolean.TRUE.equals(request.paidAtBoxOffice())
						? this.checkout.paidAtBoxOffice(user, holdId) : this.holds.confirm(user, holdId)));
	}
}
