package io.seatline.engine.error;

/** No, an unknown or an expired session token. */
public final class Unauthenticated extends SeatlineException {

	public Unauthenticated(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "UNAUTHENTICATED";
	}
}
