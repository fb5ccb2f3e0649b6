package io.seatline.engine.error;

/** Too many failed logins for one username; refused until the lock expires. */
public final class TooManyAttempts extends SeatlineException {

	public TooManyAttempts(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "TOO_MANY_ATTEMPTS";
	}
}
