package io.seatline.engine.catalog;

import java.util.List;
import java.util.Map;

/**
 * Published inside the transaction in which an admin changed the catalog: who, what ({@code createVenue},
 * {@code createEvent}, {@code updateEvent}, {@code setVenueCategories}), and the venue or event before and after
 * (null before a creation).
 */
public sealed interface CatalogChanged {

	/** The admin's username. */
	String admin();

	/** A venue was created. */
	record VenueCreated(String admin, VenueSummary venue) implements CatalogChanged {
	}

	/** An event was created, with all its seats on sale. */
	record EventCreated(String admin, EventDetails event) implements CatalogChanged {
	}

	/**
	 * An event's name, description, start time or prices were edited; {@code pricesBefore} and {@code pricesAfter}
	 * are its currency and price per category (null when the edit gave no prices).
	 */
	record EventEdited(String admin, EventDetails before, EventDetails after, PriceList pricesBefore,
			PriceList pricesAfter) implements CatalogChanged {

		public EventEdited(String admin, EventDetails before, EventDetails after) {
			this(admin, before, after, null, null);
		}
	}

	/** A venue's price categories were replaced (for its next events). */
	record VenueCategoriesSet(String admin, String venueId, String venueName, List<PriceCategory> categories)
			implements CatalogChanged {
	}

	/** An event's currency and the price of each of its categories, in minor units, in order. */
	record PriceList(String currency, Map<String, Long> prices) {
	}
}
