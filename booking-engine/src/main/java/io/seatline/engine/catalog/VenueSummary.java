package io.seatline.engine.catalog;

/** A venue as listed: its id, name and number of seats. */
public record VenueSummary(String venueId, String name, int capacity) {

	static VenueSummary of(Venue venue) {
		return new VenueSummary(venue.id(), venue.name(), venue.capacity());
	}
}
