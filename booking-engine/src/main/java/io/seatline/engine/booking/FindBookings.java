package io.seatline.engine.booking;

import io.seatline.engine.error.InvalidRequest;

/**
 * The box office's search for bookings: by reference (in any case, with spaces or dashes), by the buyer's username
 * (in any case), by event, or by several of these at once (all must match). At least one is needed.
 */
public record FindBookings(String reference, String username, String eventId) {

	/** The most bookings one search returns, newest first. */
	public static final int LIMIT = 200;

	public FindBookings {
		reference = (reference == null || reference.isBlank()) ? null
				: BookingReferences.normalize("reference", reference);
		username = (username == null || username.isBlank()) ? null : username.strip();
		eventId = (eventId == null || eventId.isBlank()) ? null : eventId;
		if (reference == null && username == null && eventId == null) {
			throw new InvalidRequest("reference", "Give a reference, a username or an eventId to search by");
		}
	}
}
