package io.seatline.engine.payment;

/**
 * A payment of a hold as the engine answers it.
 *
 * @param payUrl where the buyer pays (Stripe's checkout page), {@code null} at the box office
 * @param bookingId the booking the payment confirmed, once {@link PaymentStatus#PAID}
 */
public record PaymentDetails(String paymentId, String holdId, String method, PaymentStatus status, long amount,
		String currency, String payUrl, String bookingId, String reason) {
}
