package io.seatline.engine.catalog;

/**
 * Published inside the transaction in which an admin changed the catalog: who, what ({@code createVenue},
 * {@code createEvent}, {@code updateEvent}), and the venue or event before and after (null before a creation).
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

	/** An event's name, description or start time was edited. */
	record EventEdited(String admin, EventDetails before, EventDetails after) implements CatalogChanged {
	}
}
