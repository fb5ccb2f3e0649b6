package io.seatline.engine.error;

/** The request clashes with the current state: a name taken, an event already started, a booking already cancelled. */
public final class Conflict extends SeatlineException {

	public Conflict(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "CONFLICT";
	}
}
