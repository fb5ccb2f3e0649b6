package io.seatline.engine.error;

import java.util.Map;

/**
 * A refusal by the engine, with the contract's error {@link #code() code}. Hosts map the code; the message is meant
 * for people and never carries internals.
 */
public abstract sealed class SeatlineException extends RuntimeException
		permits InvalidRequest, Unauthenticated, InvalidCredentials, Forbidden, NotFound, SeatsUnavailable, Conflict,
		TooManyAttempts, Busy {

	SeatlineException(String message) {
		super(message, null, false, false);
	}

	/** The contract's error code, such as {@code SEATS_UNAVAILABLE}. */
	public abstract String code();

	/** Extra fields of the error body beside {@code error} and {@code message}, such as {@code field} or {@code seats}. */
	public Map<String, Object> details() {
		return Map.of();
	}
}
