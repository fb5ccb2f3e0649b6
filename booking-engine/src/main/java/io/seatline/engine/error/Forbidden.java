package io.seatline.engine.error;

/** The caller may not do this: an admin function called by a user, or another user's booking. */
public final class Forbidden extends SeatlineException {

	public Forbidden(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "FORBIDDEN";
	}
}
