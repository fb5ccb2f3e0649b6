package io.seatline.functions;

import java.util.List;
import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.catalog.BrowseEvents;
import io.seatline.engine.catalog.EventListings;

/** {@code browseEvents}: events by start time, filtered by venue name and dates. */
class BrowseEventsFunction implements Function<Message<Requests.BrowseEvents>, List<Views.EventListing>> {

	private final EventListings listings;

	BrowseEventsFunction(EventListings listings) {
		this.listings = listings;
	}

	@Override
	public List<Views.EventListing> apply(Message<Requests.BrowseEvents> message) {
		var request = message.getPayload();
		return this.listings.browse(BrowseEvents.of(request.venue(), request.from(), request.to()))
			.stream()
			.map(Views.EventListing::of)
			.toList();
	}
}
