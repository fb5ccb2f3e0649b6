package io.seatline.engine.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in of Stripe's HTTP API (WireMock on a free port), and webhook deliveries signed the way Stripe signs
 * them ({@code t=...,v1=HMAC-SHA256(secret, t + "." + payload)}) with a test secret.
 */
final class StripeStandIn implements AutoCloseable {

	static final String API_KEY = "sk_test_seatline";

	static final String WEBHOOK_SECRET = "whsec_seatline_test";

	final WireMockServer server = new WireMockServer(options().dynamicPort());

	StripeStandIn() {
		this.server.start();
	}

	StripeSettings settings() {
		return new StripeSettings(API_KEY, WEBHOOK_SECRET, this.server.baseUrl(), Duration.ofSeconds(2));
	}

	/** An event as Stripe delivers it, of the API version the library speaks. */
	static String event(String id, String type, String object) {
		return """
				{"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
				 "pending_webhooks": 1, "type": "%s", "data": {"object": %s}}"""
			.formatted(id, Stripe.API_VERSION, Instant.now().getEpochSecond(), type, object);
	}

	static String paidSession(String sessionId, String holdId, String paymentIntent, long amount, String currency) {
		return """
				{"id": "%s", "object": "checkout.session", "client_reference_id": "%s", "payment_status": "paid",
				 "status": "complete", "payment_intent": "%s", "amount_total": %d, "currency": "%s",
				 "metadata": {"holdId": "%s"}}"""
			.formatted(sessionId, holdId, paymentIntent, amount, currency, holdId);
	}

	static String signature(String payload, String secret, Instant at) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			var signed = at.getEpochSecond() + "." + payload;
			return "t=" + at.getEpochSecond() + ",v1="
					+ HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String signature(String payload) {
		return signature(payload, WEBHOOK_SECRET, Instant.now());
	}

	@Override
	public void close() {
		this.server.stop();
	}
}
