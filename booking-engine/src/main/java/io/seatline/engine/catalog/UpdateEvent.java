package io.seatline.engine.catalog;

import java.time.Instant;

import io.seatline.engine.error.InvalidRequest;

/**
 * The command to edit an event: each field that is not null replaces the event's, checked as {@link CreateEvent}
 * checks it (a blank {@code description} removes it). {@code prices} change the prices of the categories they
 * name, and the currency when given; new bookings pay them, bookings made before keep theirs. At least one field is
 * required.
 */
public record UpdateEvent(String eventId, String name, String description, Instant startsAt, Prices prices) {

	public UpdateEvent(String eventId, String name, String description, Instant startsAt) {
		this(eventId, name, description, startsAt, null);
	}

	public UpdateEvent {
		prices = (prices == null || prices.isEmpty()) ? null : prices;
		if (eventId == null || eventId.isBlank()) {
			throw new InvalidRequest("eventId", "eventId is required");
		}
		if (name == null && description == null && startsAt == null && prices == null) {
			throw new InvalidRequest(null, "Give at least one of name, description, startsAt and prices to change");
		}
		if (name != null) {
			name = Names.required("name", name, 200);
		}
		if (description != null) {
			description = CreateEvent.checkedDescription(description);
		}
	}

	/** Reads {@code startsAt} from its ISO-8601 text with an offset; null fields are left as they are. */
	public static UpdateEvent of(String eventId, String name, String description, String startsAt) {
		return new UpdateEvent(eventId, name, description, Times.instant("startsAt", startsAt));
	}

	/** {@link #of(String, String, String, String)} with new prices (null: unchanged). */
	public static UpdateEvent of(String eventId, String name, String description, String startsAt, Prices prices) {
		return new UpdateEvent(eventId, name, description, Times.instant("startsAt", startsAt), prices);
	}

	/** The description to store: null for a blank one. */
	String storedDescription() {
		return (this.description == null || this.description.isBlank()) ? null : this.description;
	}
}
