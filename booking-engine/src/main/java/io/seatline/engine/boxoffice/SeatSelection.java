package io.seatline.engine.boxoffice;

import java.util.List;

import io.seatline.engine.catalog.SeatLabels;
import io.seatline.engine.error.InvalidRequest;

/** Seats of one event the box office blocks or unblocks, all or none; labels in any case, each once. */
public record SeatSelection(String eventId, List<String> seats) {

	/** The most seats one call blocks or unblocks: a whole 20,000-seat hall at most. */
	public static final int MAX_SEATS = 20_000;

	public SeatSelection {
		if (eventId == null || eventId.isBlank()) {
			throw new InvalidRequest("eventId", "eventId is required");
		}
		seats = SeatLabels.requested(seats, MAX_SEATS, "One call changes at most " + MAX_SEATS + " seats");
	}
}
