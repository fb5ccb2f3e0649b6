package io.seatline.engine.error;

/**
 * The database stayed locked past its timeout, or a concurrent change won a race the engine does not arbitrate;
 * nothing was changed and the same call may succeed a moment later. Not one of the contract's codes: the runner
 * answers 503 with {@code Retry-After}, the shell exits with 8.
 */
public final class Busy extends SeatlineException {

	public Busy(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "BUSY";
	}
}
