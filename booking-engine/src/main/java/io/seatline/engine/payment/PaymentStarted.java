package io.seatline.engine.payment;

/**
 * A payment begun.
 *
 * @param provider the provider's {@link PaymentProvider#name() name}
 * @param paymentId the provider's id for it (a Stripe checkout session)
 * @param payUrl where the buyer pays (Stripe's hosted checkout page), or {@code null} where the buyer pays in person
 */
public record PaymentStarted(String provider, String paymentId, String payUrl) {
}
