package io.seatline.engine.payment;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import io.seatline.engine.error.Busy;
import io.seatline.engine.error.InvalidRequest;

/**
 * Stripe's hosted checkout, through Stripe's own Java library: a checkout session for a hold's total (the hold's id
 * as its client reference and in the payment's metadata), webhooks read only once their signature verifies with
 * the endpoint's secret, and refunds of a payment intent. Each call carries an idempotency key derived from the hold
 * or the payment, so a call repeated after a lost answer creates nothing twice at Stripe.
 */
public final class StripePayments implements PaymentProvider {

	static final String NAME = "stripe";

	private static final String HOLD = "holdId";

	private final StripeClient client;

	private final String webhookSecret;

	public StripePayments(StripeSettings settings) {
		var builder = StripeClient.builder()
			.setApiKey(settings.apiKey())
			.setConnectTimeout((int) settings.timeout().toMillis())
			.setReadTimeout((int) settings.timeout().toMillis())
			// Stripe's library retries a failed connection with the same idempotency key
			.setMaxNetworkRetries(2);
		if (settings.apiBase() != null) {
			builder.setApiBase(settings.apiBase());
		}
		this.client = builder.build();
		this.webhookSecret = settings.webhookSecret();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public PaymentStarted start(PaymentRequest request) {
		var params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setClientReferenceId(request.holdId())
			.putMetadata(HOLD, request.holdId())
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putMetadata(HOLD, request.holdId()).build())
			.setSuccessUrl(request.returnUrl())
			.setCancelUrl(request.returnUrl())
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(request.currency().toLowerCase(Locale.ROOT))
					.setUnitAmount(request.amountMinor())
					.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
						.setName(request.description())
						.build())
					.build())
				.build())
			.build();
		try {
			var session = this.client.v1()
				.checkout()
				.sessions()
				.create(params, RequestOptions.builder().setIdempotencyKey("seatline-hold-" + request.holdId()).build());
			return new PaymentStarted(NAME, session.getId(), session.getUrl());
		}
		catch (StripeException ex) {
			throw refusal("start the payment", ex);
		}
	}

	@Override
	public void refund(PaymentNotice.Paid payment) {
		var params = RefundCreateParams.builder()
			.setPaymentIntent(payment.refundId())
			.putMetadata(HOLD, payment.holdId())
			.build();
		try {
			this.client.v1()
				.refunds()
				.create(params,
						RequestOptions.builder().setIdempotencyKey("seatline-refund-" + payment.paymentId()).build());
		}
		catch (InvalidRequestException ex) {
			if (!"charge_already_refunded".equals(ex.getCode())) {
				throw refusal("refund the payment", ex);
			}
		}
		catch (StripeException ex) {
			throw refusal("refund the payment", ex);
		}
	}

	/**
	 * Asks Stripe how a checkout session stands, for a buyer back from Stripe's page before (or without) the webhook:
	 * a session Stripe says is paid is a {@link PaymentNotice.Paid} (its notice id names the session, so asking again
	 * is a repeat), anything else is ignored.
	 *
	 * @throws Busy when Stripe does not answer
	 */
	public PaymentNotice lookup(String sessionId) {
		Session session;
		try {
			session = this.client.v1().checkout().sessions().retrieve(sessionId);
		}
		catch (StripeException ex) {
			throw refusal("read the payment", ex);
		}
		if (session.getClientReferenceId() == null || !"paid".equals(session.getPaymentStatus())) {
			return new PaymentNotice.Ignored("session:" + sessionId, "checkout.session");
		}
		return new PaymentNotice.Paid("session:" + sessionId + ":paid", NAME, session.getClientReferenceId(),
				session.getId(), session.getPaymentIntent(),
				(session.getAmountTotal() != null) ? session.getAmountTotal() : 0,
				session.getCurrency().toUpperCase(Locale.ROOT));
	}

	/**
	 * Reads one webhook delivery. Nothing is read from a payload whose {@code Stripe-Signature} does not verify with
	 * the endpoint's secret (or is older than Stripe's five minutes of tolerance).
	 *
	 * @throws InvalidRequest when the signature does not verify
	 */
	public PaymentNotice notice(String payload, String signature) {
		Event event;
		try {
			event = this.client.constructEvent(payload, (signature != null) ? signature : "", this.webhookSecret);
		}
		catch (SignatureVerificationException ex) {
			throw new InvalidRequest("Stripe-Signature", "The Stripe-Signature does not verify; nothing was done");
		}
		catch (RuntimeException ex) {
			// a payload that verifies but is no event (Stripe never sends one)
			throw new InvalidRequest("payload", "The webhook's payload is not a Stripe event");
		}
		return switch (event.getType()) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> paid(event);
			case "checkout.session.async_payment_failed" -> failed(event);
			case "payment_intent.payment_failed" -> declined(event);
			default -> new PaymentNotice.Ignored(event.getId(), event.getType());
		};
	}

	private PaymentNotice paid(Event event) {
		if (!(data(event) instanceof Session session) || session.getClientReferenceId() == null
				|| !"paid".equals(session.getPaymentStatus())) {
			// a session paid later (a bank debit) completes unpaid, and is paid by async_payment_succeeded
			return new PaymentNotice.Ignored(event.getId(), event.getType());
		}
		return new PaymentNotice.Paid(event.getId(), NAME, session.getClientReferenceId(), session.getId(),
				session.getPaymentIntent(), (session.getAmountTotal() != null) ? session.getAmountTotal() : 0,
				session.getCurrency().toUpperCase(Locale.ROOT));
	}

	private PaymentNotice failed(Event event) {
		if (!(data(event) instanceof Session session) || session.getClientReferenceId() == null) {
			return new PaymentNotice.Ignored(event.getId(), event.getType());
		}
		return new PaymentNotice.Failed(event.getId(), NAME, session.getClientReferenceId(), "the payment failed");
	}

	private PaymentNotice declined(Event event) {
		if (!(data(event) instanceof PaymentIntent intent) || intent.getMetadata() == null
				|| intent.getMetadata().get(HOLD) == null) {
			return new PaymentNotice.Ignored(event.getId(), event.getType());
		}
		var error = intent.getLastPaymentError();
		var reason = (error != null && error.getMessage() != null) ? error.getMessage() : "the payment was declined";
		return new PaymentNotice.Failed(event.getId(), NAME, intent.getMetadata().get(HOLD), reason);
	}

	private static StripeObject data(Event event) {
		var deserializer = event.getDataObjectDeserializer();
		try {
			// an event of another API version than the library's is still read: only fields present in both are used
			return deserializer.getObject().isPresent() ? deserializer.getObject().get()
					: deserializer.deserializeUnsafe();
		}
		catch (EventDataObjectDeserializationException ex) {
			return null;
		}
	}

	private static RuntimeException refusal(String what, StripeException ex) {
		if (ex instanceof ApiConnectionException || ex instanceof RateLimitException || ex instanceof ApiException) {
			// Stripe did not answer, or answered that it could not: nothing was done, and the same call may work
			return new Busy("The payment provider did not answer; could not " + what + ". Try again in a moment");
		}
		// a key that is wrong or lacks a permission: the operator's to fix, not the buyer's
		return new IllegalStateException("Stripe refused to " + what + ": " + ex.getMessage(), ex);
	}
}
