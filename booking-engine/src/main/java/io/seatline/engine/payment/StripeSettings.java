package io.seatline.engine.payment;

import java.time.Duration;

/**
 * How to reach Stripe: {@code STRIPE_API_KEY} (a secret key), {@code STRIPE_WEBHOOK_SECRET} (the signing secret of
 * the webhook endpoint), and, for a stand-in of Stripe's API in tests, {@code STRIPE_API_BASE}. Stripe is off
 * unless both the key and the secret are set.
 *
 * @param apiBase Stripe's API address, {@code null} for Stripe's own
 */
public record StripeSettings(String apiKey, String webhookSecret, String apiBase, Duration timeout) {

	public StripeSettings {
		if (apiKey == null || apiKey.isBlank() || webhookSecret == null || webhookSecret.isBlank()) {
			throw new IllegalArgumentException("Stripe needs STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET");
		}
		if (apiBase != null && apiBase.isBlank()) {
			apiBase = null;
		}
	}
}
