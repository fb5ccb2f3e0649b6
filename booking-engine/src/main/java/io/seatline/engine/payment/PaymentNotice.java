package io.seatline.engine.payment;

/** What a provider says happened to a payment, read from a verified webhook (or an admin at the box office). */
public sealed interface PaymentNotice {

	/** The provider's id of this notice: the same notice delivered twice has the same id. */
	String noticeId();

	/** A notice about the payment of one hold, by one provider. */
	sealed interface OfHold extends PaymentNotice {

		String provider();

		String holdId();
	}

	/**
	 * The buyer paid for a hold.
	 *
	 * @param refundId what a refund names (a Stripe payment intent)
	 */
	record Paid(String noticeId, String provider, String holdId, String paymentId, String refundId, long amountMinor,
			String currency) implements OfHold {
	}

	/** The payment of a hold failed (a card declined); the hold stays until it expires, so the buyer may try again. */
	record Failed(String noticeId, String provider, String holdId, String reason) implements OfHold {
	}

	/** A notice about something else, or about no hold of ours: nothing to do. */
	record Ignored(String noticeId, String type) implements PaymentNotice {
	}
}
