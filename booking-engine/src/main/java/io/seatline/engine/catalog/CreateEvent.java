package io.seatline.engine.catalog;

import java.time.Instant;

import io.seatline.engine.error.InvalidRequest;

/**
 * The command to put an event on sale at a venue. {@code startsAt} must lie in the future. {@code maxSeatsPerAccount}
 * caps the seats one account may hold of the event (null: the engine's default, {@code seatline.booking.*}).
 * {@code prices} are what its seats cost per category of the venue (null: free, in the configured currency).
 */
public record CreateEvent(String venueId, String name, Instant startsAt, String description,
		Integer maxSeatsPerAccount, Prices prices) {

	/** The most seats per account an event may allow. */
	public static final int MAX_SEATS_PER_ACCOUNT = 100_000;

	public CreateEvent(String venueId, String name, Instant startsAt, String description) {
		this(venueId, name, startsAt, description, null, null);
	}

	public CreateEvent(String venueId, String name, Instant startsAt, String description,
			Integer maxSeatsPerAccount) {
		this(venueId, name, startsAt, description, maxSeatsPerAccount, null);
	}

	public CreateEvent {
		if (venueId == null || venueId.isBlank()) {
			throw new InvalidRequest("venueId", "venueId is required");
		}
		name = Names.required("name", name, 200);
		if (startsAt == null) {
			throw new InvalidRequest("startsAt", "startsAt is required");
		}
		if (description != null) {
			description = checkedDescription(description);
			description = description.isBlank() ? null : description;
		}
		prices = (prices == null || prices.isEmpty()) ? null : prices;
		if (maxSeatsPerAccount != null && (maxSeatsPerAccount < 1 || maxSeatsPerAccount > MAX_SEATS_PER_ACCOUNT)) {
			throw new InvalidRequest("maxSeatsPerAccount",
					"maxSeatsPerAccount is from 1 to " + MAX_SEATS_PER_ACCOUNT);
		}
	}

	/** A description as given, checked: at most 5000 characters, no control characters but line breaks and tabs. */
	static String checkedDescription(String description) {
		if (description.length() > 5000) {
			throw new InvalidRequest("description", "description has at most 5000 characters");
		}
		return Names.text("description", description);
	}

	/** Reads {@code startsAt} from its ISO-8601 text with an offset, such as {@code 2026-12-24T19:30:00+01:00}. */
	public static CreateEvent of(String venueId, String name, String startsAt, String description) {
		return of(venueId, name, startsAt, description, null);
	}

	/** {@link #of(String, String, String, String)} with a cap of seats per account. */
	public static CreateEvent of(String venueId, String name, String startsAt, String description,
			Integer maxSeatsPerAccount) {
		return new CreateEvent(venueId, name, Times.instant("startsAt", startsAt), description, maxSeatsPerAccount);
	}

	/** This event with these prices (null: free). */
	public CreateEvent withPrices(Prices prices) {
		return new CreateEvent(this.venueId, this.name, this.startsAt, this.description, this.maxSeatsPerAccount,
				prices);
	}
}
