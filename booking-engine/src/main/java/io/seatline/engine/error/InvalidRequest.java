package io.seatline.engine.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Malformed input: a missing or invalid field, named by {@link #field()}. */
public final class InvalidRequest extends SeatlineException {

	private final String field;

	private final List<String> seats;

	public InvalidRequest(String field, String message) {
		this(field, message, List.of());
	}

	/** A request naming seats the event does not have. */
	public InvalidRequest(String field, String message, List<String> seats) {
		super(message);
		this.field = field;
		this.seats = List.copyOf(seats);
	}

	/** The offending field, in JSON path form ({@code seats}, {@code seats[2]}); null for the body as a whole. */
	public String field() {
		return this.field;
	}

	@Override
	public String code() {
		return "INVALID_REQUEST";
	}

	@Override
	public Map<String, Object> details() {
		var details = new LinkedHashMap<String, Object>();
		if (this.field != null) {
			details.put("field", this.field);
		}
		if (!this.seats.isEmpty()) {
			details.put("seats", this.seats);
		}
		return details;
	}
}
