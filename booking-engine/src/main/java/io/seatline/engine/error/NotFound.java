package io.seatline.engine.error;

/** An unknown venue, event or booking (or function). */
public final class NotFound extends SeatlineException {

	public NotFound(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "NOT_FOUND";
	}
}
