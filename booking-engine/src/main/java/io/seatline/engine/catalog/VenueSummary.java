package io.seatline.engine.catalog;

/** A venue as listed: its id, name, number of seats and time zone (an IANA id such as {@code Europe/Berlin}). */
public record VenueSummary(String venueId, String name, int capacity, String timeZone) {

	static VenueSummary of(Venue venue) {
		return new VenueSummary(venue.id(), venue.name(), venue.capacity(), venue.timeZone().getId());
	}
}
