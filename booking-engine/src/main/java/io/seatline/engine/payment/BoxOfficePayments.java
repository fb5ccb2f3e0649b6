package io.seatline.engine.payment;

/**
 * Payment at the box office: nothing is charged online. The buyer's hold waits for an admin, who takes the money
 * at the desk and records it as paid ({@link PaymentNotice.Paid} with this provider's name); a refund is money
 * handed back at the desk, which the booking's cancellation records.
 */
public final class BoxOfficePayments implements PaymentProvider {

	public static final String NAME = "box-office";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public PaymentStarted start(PaymentRequest request) {
		return new PaymentStarted(NAME, "box-office-" + request.holdId(), null);
	}

	@Override
	public void refund(PaymentNotice.Paid payment) {
		// cash goes back over the counter: nothing to call
	}
}
