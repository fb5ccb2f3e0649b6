package io.seatline.engine.error;

/** A wrong username or password at login. */
public final class InvalidCredentials extends SeatlineException {

	public InvalidCredentials(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "INVALID_CREDENTIALS";
	}
}
