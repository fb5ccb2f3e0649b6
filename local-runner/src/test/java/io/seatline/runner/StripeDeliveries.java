package io.seatline.runner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.Stripe;

/** Webhook deliveries as Stripe sends them (in its API version), signed as Stripe signs them, for tests. */
public final class StripeDeliveries {

	private StripeDeliveries() {
	}

	/** Stripe's checkout session {@code cs_test_http} completed and paid {@code amount} cents of EUR. */
	public static String paid(String holdId, long amount) {
		return """
				{"id": "evt_%s", "object": "event", "api_version": "%s", "created": %d, "type":
				 "checkout.session.completed", "data": {"object": {"id": "cs_test_http", "object": "checkout.session",
				 "client_reference_id": "%s", "payment_status": "paid", "payment_intent": "pi_%s", "amount_total": %d,
				 "currency": "eur"}}}"""
			.formatted(UUID.randomUUID(), Stripe.API_VERSION, Instant.now().getEpochSecond(), holdId, holdId, amount);
	}

	/** A card of the hold's payment was declined, with the message Stripe gives. */
	public static String declined(String holdId, String message) {
		return """
				{"id": "evt_%s", "object": "event", "api_version": "%s", "created": %d, "type":
				 "payment_intent.payment_failed", "data": {"object": {"id": "pi_%s", "object": "payment_intent",
				 "metadata": {"holdId": "%s"}, "status": "requires_payment_method", "last_payment_error":
				 {"type": "card_error", "code": "card_declined", "message": "%s"}}}}"""
			.formatted(UUID.randomUUID(), Stripe.API_VERSION, Instant.now().getEpochSecond(), holdId, holdId, message);
	}

	/** Stripe's signature scheme: t=TIME,v1=HMAC-SHA256(secret, TIME + "." + payload) in hex. */
	public static String signature(String payload, String secret) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			long now = Instant.now().getEpochSecond();
			return "t=" + now + ",v1="
					+ HexFormat.of().formatHex(mac.doFinal((now + "." + payload).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Delivers a payload to the runner's {@code POST /webhooks/stripe}, signed with the secret (or unsigned). */
	public static Api.Reply deliver(Api http, String payload, String secret) {
		return (secret != null)
				? http.call("webhooks/stripe", payload, "Stripe-Signature", signature(payload, secret))
				: http.call("webhooks/stripe", payload);
	}
}
