package io.seatline.engine.catalog;

import java.time.LocalDate;

import io.seatline.engine.error.InvalidRequest;

/**
 * A query of the event list: {@code venue} is part of a venue name in any case; {@code from} and {@code to} are
 * inclusive UTC dates. Without {@code from}, only events that have not started are listed.
 */
public record BrowseEvents(String venue, LocalDate from, LocalDate to) {

	public BrowseEvents {
		venue = (venue == null || venue.isBlank()) ? null : venue.strip();
		if (venue != null && venue.length() > 120) {
			throw new InvalidRequest("venue", "venue has at most 120 characters");
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidRequest("to", "to is before from");
		}
	}

	/** Reads the dates from {@code YYYY-MM-DD} text. */
	public static BrowseEvents of(String venue, String from, String to) {
		return new BrowseEvents(venue, Times.date("from", from), Times.date("to", to));
	}
}
