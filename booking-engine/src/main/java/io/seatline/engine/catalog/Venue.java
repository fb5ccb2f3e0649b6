package io.seatline.engine.catalog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.seatline.engine.persistence.Ids;

/** A place with a fixed seat inventory: rows of seats, or a capacity of numbered seats. */
@Entity
@Table(name = "venues")
class Venue {

	@Id
	private String id;

	@Version
	private Long version;

	private String name;

	private String nameKey;

	@Column(name = "seat_rows")
	private Integer rows;

	private Integer seatsPerRow;

	private int capacity;

	private String timeZone;

	private Instant createdAt;

	protected Venue() {
	}

	Venue(CreateVenue command, ZoneId timeZone, Instant createdAt) {
		this.id = Ids.next();
		this.name = command.name();
		this.nameKey = keyOf(command.name());
		this.rows = command.rows();
		this.seatsPerRow = command.seatsPerRow();
		this.capacity = command.seatCount();
		this.timeZone = timeZone.getId();
		this.createdAt = createdAt;
	}

	static String keyOf(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	int capacity() {
		return this.capacity;
	}

	ZoneId timeZone() {
		return ZoneId.of(this.timeZone);
	}

	/** The price category of each seat, resolved from these categories against this venue's seats. */
	SeatCategories categories(List<PriceCategory> declared) {
		return SeatCategories.resolve(this.rows, this.seatsPerRow, seatLabels(), declared);
	}

	List<String> seatLabels() {
		return (this.rows != null) ? SeatLayout.labels(this.rows, this.seatsPerRow) : SeatLayout.labels(this.capacity);
	}
}
