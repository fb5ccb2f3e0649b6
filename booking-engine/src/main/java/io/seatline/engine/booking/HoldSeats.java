package io.seatline.engine.booking;

import java.util.List;

import io.seatline.engine.catalog.SeatLabels;
import io.seatline.engine.error.InvalidRequest;

/**
 * The command to hold seats of one event for the caller while they pay, all or none; labels as {@link ReserveSeats}
 * takes them.
 */
public record HoldSeats(String eventId, List<String> seats) {

	public HoldSeats {
		if (eventId == null || eventId.isBlank()) {
			throw new InvalidRequest("eventId", "eventId is required");
		}
		seats = SeatLabels.requested(seats, ReserveSeats.MAX_SEATS,
				"One hold keeps at most " + ReserveSeats.MAX_SEATS + " seats");
	}
}
