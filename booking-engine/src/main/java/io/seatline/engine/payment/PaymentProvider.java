package io.seatline.engine.payment;

/**
 * A way to be paid for a hold: it starts a payment for the hold's total and gives money back. Confirmation comes
 * separately, as a {@link PaymentNotice} the provider sends (Stripe's webhook) or an admin records (the box office).
 */
public interface PaymentProvider {

	/** The provider's name in bookings and the API: {@code stripe}, {@code box-office}. */
	String name();

	/**
	 * Starts paying for a hold. Calling it again for the same hold starts no second payment.
	 *
	 * @throws io.seatline.engine.error.Busy when the provider does not answer; nothing was started
	 */
	PaymentStarted start(PaymentRequest request);

	/**
	 * Gives a received payment back in full. Refunding the same payment again refunds nothing more.
	 *
	 * @throws io.seatline.engine.error.Busy when the provider does not answer; the caller tries again later
	 */
	void refund(PaymentNotice.Paid payment);
}
