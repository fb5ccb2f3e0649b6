package io.seatline.engine.catalog;

import java.util.List;

/** Every seat of an event with its status, in seat-map order (row by row, seat by seat). */
public record SeatMap(EventDetails event, List<Seat> seats) {

	/** One seat and its status. */
	public record Seat(String label, SeatStatus status) {
	}
}
