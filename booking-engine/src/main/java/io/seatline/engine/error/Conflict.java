package io.seatline.engine.error;

import java.util.Map;

/** The request clashes with the current state: a name taken, an event already started, a booking already cancelled. */
public final class Conflict extends SeatlineException {

	private final Map<String, Object> details;

	public Conflict(String message) {
		this(message, Map.of());
	}

	/** A conflict whose error body carries more fields, such as the {@code limit} it ran into. */
	public Conflict(String message, Map<String, Object> details) {
		super(message);
		this.details = Map.copyOf(details);
	}

	@Override
	public Map<String, Object> details() {
		return this.details;
	}

	@Override
	public String code() {
		return "CONFLICT";
	}
}
