package io.seatline.engine.catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * An event with its venue, for listings, bookings, emails and reports. {@code cancelledAt} is null for an event that
 * is on; {@code cancelReason} is what the admin gave when calling it off, if anything. {@code timeZone} is the
 * venue's: the event's local time is its start there.
 */
public record EventDetails(String eventId, String name, String description, String venueId, String venueName,
		Instant startsAt, int totalSeats, Instant cancelledAt, String cancelReason, ZoneId timeZone) {

	/** The zone of events whose venue names none: UTC. */
	public static final ZoneId UTC = ZoneId.of("UTC");

	public EventDetails {
		timeZone = (timeZone != null) ? timeZone : UTC;
	}

	/** An event that is on, at a venue in UTC. */
	public EventDetails(String eventId, String name, String description, String venueId, String venueName,
			Instant startsAt, int totalSeats) {
		this(eventId, name, description, venueId, venueName, startsAt, totalSeats, null, null, UTC);
	}

	/** The start as the venue's clocks show it, with their offset then. */
	public OffsetDateTime localStartsAt() {
		return this.startsAt.atZone(this.timeZone).toOffsetDateTime();
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
