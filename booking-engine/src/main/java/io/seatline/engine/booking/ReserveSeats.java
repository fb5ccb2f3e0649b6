package io.seatline.engine.booking;

import java.util.List;

import io.seatline.engine.catalog.SeatLabels;
import io.seatline.engine.error.InvalidRequest;

/**
 * The command to book seats of one event, all or none. Labels are matched in any case ({@code a1} is {@code A1}); an
 * empty list, a blank label or a label given twice is refused.
 */
public record ReserveSeats(String eventId, List<String> seats) {

	/** The most seats one booking may hold. */
	public static final int MAX_SEATS = 500;

	public ReserveSeats {
		if (eventId == null || eventId.isBlank()) {
			throw new InvalidRequest("eventId", "eventId is required");
		}
		seats = SeatLabels.requested(seats, MAX_SEATS, "One booking holds at most " + MAX_SEATS + " seats");
	}
}
