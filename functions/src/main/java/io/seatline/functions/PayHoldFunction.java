package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.idempotency.IdempotentRequests;
import io.seatline.engine.payment.Checkout;

/**
 * {@code payHold}: starts paying for one of the caller's live holds ({@code stripe}: the page where the buyer pays;
 * {@code box-office}: the buyer pays at the desk, where an admin confirms the hold).
 */
class PayHoldFunction implements Function<Message<Requests.PayHold>, Views.Payment> {

	private final Checkout checkout;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	PayHoldFunction(Checkout checkout, Sessions sessions, IdempotentRequests requests) {
		this.checkout = checkout;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.Payment apply(Message<Requests.PayHold> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var request = message.getPayload();
		var holdId = Fields.required("holdId", request.holdId());
		return this.requests.once(user, "payHold", IdempotencyKeys.of(message.getHeaders()), request,
				Views.Payment.class,
				() -> Views.Payment.of(this.checkout.pay(user, holdId, request.method(), request.returnUrl())));
	}
}
