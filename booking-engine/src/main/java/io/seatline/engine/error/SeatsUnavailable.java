package io.seatline.engine.error;

import java.util.List;
import java.util.Map;

/** Some requested seats are not available; nothing was booked. {@link #seats()} names them. */
public final class SeatsUnavailable extends SeatlineException {

	private final List<String> seats;

	public SeatsUnavailable(List<String> seats) {
		super("These seats are not available: " + String.join(", ", seats));
		this.seats = List.copyOf(seats);
	}

	public List<String> seats() {
		return this.seats;
	}

	@Override
	public String code() {
		return "SEATS_UNAVAILABLE";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("seats", this.seats);
	}
}
