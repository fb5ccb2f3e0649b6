package io.seatline.engine.catalog;

import java.time.Instant;

/** An event with its venue, for listings, bookings, emails and reports. */
public record EventDetails(String eventId, String name, String description, String venueId, String venueName,
		Instant startsAt, int totalSeats) {

	/** True once the event has started: it can no longer be booked or cancelled. */
	public boolean hasStartedAt(Instant now) {
		return !now.isBefore(this.startsAt);
	}
}
