package io.seatline.engine.payment;

/**
 * What a buyer pays for: the seats of one hold.
 *
 * @param holdId the hold paid for; the provider gives it back with the payment
 * @param description what the buyer sees on the payment page, such as the event and the seats
 * @param amountMinor the total in the currency's minor units (cents), never negative
 * @param currency ISO 4217 code, such as {@code EUR}
 * @param returnUrl where the provider sends the buyer back after paying or giving up
 */
public record PaymentRequest(String holdId, String description, long amountMinor, String currency, String returnUrl) {

	public PaymentRequest {
		if (amountMinor < 0) {
			throw new IllegalArgumentException("A payment is never negative");
		}
	}
}
