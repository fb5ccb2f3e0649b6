package io.seatline.engine.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.seatline.engine.persistence.Ids;

/** A performance at a venue at one moment, with a copy of the venue's seats. */
@Entity
@Table(name = "events")
class Event {

	@Id
	private String id;

	@Version
	private Long version;

	private String venueId;

	private String name;

	private String description;

	private Instant startsAt;

	private int totalSeats;

	private Instant createdAt;

	// kept by SeatInventory's statements in the transactions that change seats, never written from here after insert
	@Column(updatable = false)
	private long seatVersion;

	@Column(updatable = false)
	private int availableSeats;

	// null: the engine's default
	private Integer maxSeatsPerAccount;

	protected Event() {
	}

	Event(Venue venue, CreateEvent command, Instant createdAt) {
		this.id = Ids.next();
		this.venueId = venue.id();
		this.name = command.name();
		this.description = command.description();
		this.startsAt = command.startsAt();
		this.totalSeats = venue.capacity();
		this.availableSeats = venue.capacity();
		this.maxSeatsPerAccount = command.maxSeatsPerAccount();
		this.createdAt = createdAt;
	}

	String id() {
		return this.id;
	}

	String venueId() {
		return this.venueId;
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	Instant startsAt() {
		return this.startsAt;
	}

	int totalSeats() {
		return this.totalSeats;
	}

	/** Available seats as of when this entity was read. */
	int availableSeats() {
		return this.availableSeats;
	}
}
