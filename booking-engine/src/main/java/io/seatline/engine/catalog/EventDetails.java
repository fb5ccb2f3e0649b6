package io.seatline.engine.catalog;

import java.time.Instant;

/**
 * An event with its venue, for listings, bookings, emails and reports. {@code cancelledAt} is null for an event that
 * is on; {@code cancelReason} is what the admin gave when calling it off, if anything.
 */
public record EventDetails(String eventId, String name, String description, String venueId, String venueName,
		Instant startsAt, int totalSeats, Instant cancelledAt, String cancelReason) {

	/** An event that is on. */
	public EventDetails(String eventId, String name, String description, String venueId, String venueName,
			Instant startsAt, int totalSeats) {
		this(eventId, name, description, venueId, venueName, startsAt, totalSeats, null, null);
	}

	/** True once the event has started: it can no longer be booked or cancelled. */
	public boolean hasStartedAt(Instant now) {
		return !now.isBefore(this.startsAt);
	}

	/** True once an admin called the event off: it can no longer be booked, reviewed or edited. */
	public boolean isCancelled() {
		return this.cancelledAt != null;
	}
}
