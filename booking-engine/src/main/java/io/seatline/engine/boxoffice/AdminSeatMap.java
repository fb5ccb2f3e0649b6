package io.seatline.engine.boxoffice;

import java.util.List;

import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.SeatStatus;

/** An event's seats as the box office sees them: each sold seat with its booking and buyer, in seat-map order. */
public record AdminSeatMap(EventDetails event, List<Seat> seats) {

	/** One seat; {@code bookingId}, {@code reference} and {@code username} are null unless the seat is sold. */
	public record Seat(String label, SeatStatus status, String bookingId, String reference, String username) {
	}
}
