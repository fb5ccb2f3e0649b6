package io.seatline.engine.payment;

/** Where a payment of a hold stands. */
public enum PaymentStatus {
	/** Asked of the provider; the buyer is paying (or will, at the box office). */
	STARTED,
	/** Received: the hold is confirmed into a booking. */
	PAID,
	/** The provider refused it (a card declined); the buyer may try again while the hold lasts. */
	DECLINED,
	/** Received for a hold that had ended, or for a booking cancelled since: the refund job gives it back. */
	REFUND_DUE,
	/** Given back. */
	REFUNDED
}
