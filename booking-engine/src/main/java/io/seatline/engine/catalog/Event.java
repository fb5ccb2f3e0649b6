package io.seatline.engine.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidRequest;
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

	private Instant cancelledAt;

	private String cancelReason;

	// the ISO 4217 code of its prices
	private String currency;

	protected Event() {
	}

	Event(Venue venue, CreateEvent command, String currency, Instant createdAt) {
		this.id = Ids.next();
		this.venueId = venue.id();
		this.name = command.name();
		this.description = command.description();
		this.startsAt = command.startsAt();
		this.totalSeats = venue.capacity();
		this.availableSeats = venue.capacity();
		this.maxSeatsPerAccount = command.maxSeatsPerAccount();
		this.currency = currency;
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

	/** The count of edits of this event, which each edit bumps: part of the ids of the emails an edit sends. */
	long version() {
		return (this.version != null) ? this.version : 0;
	}

	Instant cancelledAt() {
		return this.cancelledAt;
	}

	String cancelReason() {
		return this.cancelReason;
	}

	String currency() {
		return this.currency;
	}

	/**
	 * Applies an edit: {@code CONFLICT} for a cancelled event, or for a new start time once the event has started;
	 * a new start time must lie in the future ({@code INVALID_REQUEST}).
	 */
	void edit(UpdateEvent command, Instant now) {
		if (this.cancelledAt != null) {
			throw new Conflict("The event is cancelled; it can no longer be edited");
		}
		if (command.startsAt() != null && !command.startsAt().equals(this.startsAt)) {
			if (!now.isBefore(this.startsAt)) {
				throw new Conflict("The event has already started; its start time can no longer change");
			}
			if (!command.startsAt().isAfter(now)) {
				throw new InvalidRequest("startsAt", "startsAt must lie in the future");
			}
			this.startsAt = command.startsAt();
		}
		if (command.name() != null) {
			this.name = command.name();
		}
		if (command.description() != null) {
			this.description = command.storedDescription();
		}
		if (command.prices() != null && command.prices().currency() != null) {
			this.currency = command.prices().currency();
		}
	}

	/** Calls the event off; {@code CONFLICT} when it is cancelled already. */
	void cancel(String reason, Instant now) {
		if (this.cancelledAt != null) {
			throw new Conflict("The event is cancelled already");
		}
		this.cancelledAt = now;
		this.cancelReason = reason;
	}
}
