package io.seatline.engine.catalog;

import java.time.Instant;

import io.seatline.engine.error.InvalidRequest;

/** The command to put an event on sale at a venue. {@code startsAt} must lie in the future. */
public record CreateEvent(String venueId, String name, Instant startsAt, String description) {

	public CreateEvent {
		if (venueId == null || venueId.isBlank()) {
			throw new InvalidRequest("venueId", "venueId is required");
		}
		name = Names.required("name", name, 200);
		if (startsAt == null) {
			throw new InvalidRequest("startsAt", "startsAt is required");
		}
		if (description != null) {
			if (description.length() > 5000) {
				throw new InvalidRequest("description", "description has at most 5000 characters");
			}
			description = description.isBlank() ? null : Names.text("description", description);
		}
	}

	/** Reads {@code startsAt} from its ISO-8601 text with an offset, such as {@code 2026-12-24T19:30:00+01:00}. */
	public static CreateEvent of(String venueId, String name, String startsAt, String description) {
		return new CreateEvent(venueId, name, Times.instant("startsAt", startsAt), description);
	}
}
