package io.seatline.functions;

import java.util.function.Function;

import io.seatline.engine.payment.Checkout;

/**
 * {@code stripeWebhook}: one delivery of Stripe's webhook, as its raw body and {@code Stripe-Signature} header. No
 * token: the signature, made with the endpoint's secret, is what proves it comes from Stripe; without it nothing is
 * done. The runner serves it at {@code POST /webhooks/stripe}.
 */
class StripeWebhookFunction implements Function<Requests.StripeWebhook, Views.WebhookOutcome> {

	private final Checkout checkout;

	StripeWebhookFunction(Checkout checkout) {
		this.checkout = checkout;
	}

	@Override
	public Views.WebhookOutcome apply(Requests.StripeWebhook request) {
		return Views.WebhookOutcome.of(this.checkout.stripeWebhook(Fields.required("payload", request.payload()),
				request.signature()));
	}
}
