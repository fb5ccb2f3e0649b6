package io.seatline.engine.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.seatline.engine.error.InvalidRequest;

/**
 * The ways to pay this engine offers: at the box office always, and Stripe when {@code STRIPE_API_KEY} and
 * {@code STRIPE_WEBHOOK_SECRET} are set.
 */
public final class PaymentProviders {

	private final BoxOfficePayments boxOffice;

	private final StripePayments stripe;

	PaymentProviders(BoxOfficePayments boxOffice, StripePayments stripe) {
		this.boxOffice = boxOffice;
		this.stripe = stripe;
	}

	/** The provider of that name; {@code INVALID_REQUEST} (field {@code method}) for one this engine does not offer. */
	public PaymentProvider get(String name) {
		if (BoxOfficePayments.NAME.equals(name)) {
			return this.boxOffice;
		}
		if (StripePayments.NAME.equals(name) && this.stripe != null) {
			return this.stripe;
		}
		throw new InvalidRequest("method", "No payment method '" + name + "' here; methods offered: "
				+ String.join(", ", names()));
	}

	/** Stripe, when it is configured. */
	public Optional<StripePayments> stripe() {
		return Optional.ofNullable(this.stripe);
	}

	/** The names of the methods offered, online first. */
	public List<String> names() {
		var names = new ArrayList<String>();
		if (this.stripe != null) {
			names.add(StripePayments.NAME);
		}
		names.add(BoxOfficePayments.NAME);
		return names;
	}
}
