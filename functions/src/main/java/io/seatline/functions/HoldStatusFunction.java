package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.payment.Checkout;

/** {@code holdStatus}: where one of the caller's holds stands (an admin: any hold), with its payments and booking. */
class HoldStatusFunction implements Function<Message<Requests.OfHold>, Views.HoldStatus> {

	private final Checkout checkout;

	private final Sessions sessions;

	HoldStatusFunction(Checkout checkout, Sessions sessions) {
		this.checkout = checkout;
		this.sessions = sessions;
	}

	@Override
	public Views.HoldStatus apply(Message<Requests.OfHold> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		return Views.HoldStatus.of(this.checkout.status(user, Fields.required("holdId", message.getPayload().holdId())));
	}
}
