package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.catalog.EventCatalog;

/**
 * {@code setVenueCategories} (admin): replaces a venue's price categories; events created after take them, events
 * created before keep theirs. Answers the venue's categories as its events will have them, the default included.
 */
class SetVenueCategoriesFunction implements Function<Message<Requests.VenueCategories>, Views.VenueCategories> {

	private final EventCatalog catalog;

	private final Sessions sessions;

	SetVenueCategoriesFunction(EventCatalog catalog, Sessions sessions) {
		this.catalog = catalog;
		this.sessions = sessions;
	}

	@Override
	public Views.VenueCategories apply(Message<Requests.VenueCategories> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		var venueId = Fields.required("venueId", request.venueId());
		return Views.VenueCategories.of(venueId,
				this.catalog.setVenueCategories(user, venueId, Requests.Category.all(request.categories())));
	}
}
