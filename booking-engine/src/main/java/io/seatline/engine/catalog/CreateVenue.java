package io.seatline.engine.catalog;

import java.time.ZoneId;
import java.util.List;

import io.seatline.engine.error.InvalidRequest;

/**
 * The command to create a venue: {@code rows} and {@code seatsPerRow}, or {@code capacity} alone. Its seats are
 * derived, never typed in. {@code timeZone} is where its events take place (null: the configured default,
 * {@code seatline.default-time-zone}). {@code categories} are its price categories (none: every seat is in
 * {@link PriceCategory#STANDARD}), checked against its seats when it is created.
 */
public record CreateVenue(String name, Integer rows, Integer seatsPerRow, Integer capacity, ZoneId timeZone,
		List<PriceCategory> categories) {

	/** The most seats one venue may have: larger than any stadium, small enough to create in one transaction. */
	public static final int MAX_SEATS = 100_000;

	static final int MAX_ROWS = 702;

	/** A venue in the default time zone. */
	public CreateVenue(String name, Integer rows, Integer seatsPerRow, Integer capacity) {
		this(name, rows, seatsPerRow, capacity, null, null);
	}

	/** A venue in a time zone (null: the default), without price categories. */
	public CreateVenue(String name, Integer rows, Integer seatsPerRow, Integer capacity, ZoneId timeZone) {
		this(name, rows, seatsPerRow, capacity, timeZone, null);
	}

	public CreateVenue {
		name = Names.required("name", name, 120);
		categories = PriceCategory.listOf(categories);
		if (rows == null && seatsPerRow == null) {
			if (capacity == null) {
				throw new InvalidRequest("capacity", "Give rows and seatsPerRow, or a capacity");
			}
			positive("capacity", capacity, MAX_SEATS);
		}
		else {
			if (capacity != null) {
				throw new InvalidRequest("capacity", "Give rows and seatsPerRow, or a capacity, not both");
			}
			if (rows == null) {
				throw new InvalidRequest("rows", "rows goes with seatsPerRow");
			}
			if (seatsPerRow == null) {
				throw new InvalidRequest("seatsPerRow", "seatsPerRow goes with rows");
			}
			positive("rows", rows, MAX_ROWS);
			positive("seatsPerRow", seatsPerRow, MAX_SEATS);
			if ((long) rows * seatsPerRow > MAX_SEATS) {
				throw new InvalidRequest("rows", "A venue has at most " + MAX_SEATS + " seats");
			}
		}
	}

	/** A venue of rows of seats. */
	public static CreateVenue withRows(String name, int rows, int seatsPerRow) {
		return new CreateVenue(name, rows, seatsPerRow, null);
	}

	/** A venue of numbered seats. */
	public static CreateVenue withCapacity(String name, int capacity) {
		return new CreateVenue(name, null, null, capacity);
	}

	/** This venue in the time zone of this id (null or blank: the default); an unknown id is refused. */
	public CreateVenue inTimeZone(String timeZone) {
		return new CreateVenue(this.name, this.rows, this.seatsPerRow, this.capacity,
				TimeZones.zone("timeZone", timeZone), this.categories);
	}

	/** This venue with these price categories (null or empty: none). */
	public CreateVenue withCategories(List<PriceCategory> categories) {
		return new CreateVenue(this.name, this.rows, this.seatsPerRow, this.capacity, this.timeZone, categories);
	}

	int seatCount() {
		return (this.rows != null) ? this.rows * this.seatsPerRow : this.capacity;
	}

	private static void positive(String field, int value, int max) {
		if (value < 1 || value > max) {
			throw new InvalidRequest(field, field + " must be from 1 to " + max);
		}
	}
}
