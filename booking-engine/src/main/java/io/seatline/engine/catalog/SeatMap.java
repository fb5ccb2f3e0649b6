package io.seatline.engine.catalog;

import java.util.List;

/**
 * Every seat of an event with its status and price category, in seat-map order (row by row, seat by seat), and the
 * event's categories with their colours and prices in {@code currency}: the legend of the map.
 */
public record SeatMap(EventDetails event, List<Seat> seats, String currency, List<Category> categories) {

	/** A seat map without a legend: no prices read. */
	public SeatMap(EventDetails event, List<Seat> seats) {
		this(event, seats, null, List.of());
	}

	/** One seat, its status and the index of its category in {@link #categories()}. */
	public record Seat(String label, SeatStatus status, int category) {

		/** A seat of the first category. */
		public Seat(String label, SeatStatus status) {
			this(label, status, 0);
		}
	}

	/** A price category of the event: its name, colour ({@code #rrggbb}) and price in minor units. */
	public record Category(String name, String colour, long price) {
	}
}
