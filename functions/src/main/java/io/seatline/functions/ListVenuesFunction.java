package io.seatline.functions;

import java.util.List;
import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.VenueSummary;

/** {@code listVenues} (an extension of the contract): every venue, by name, to pick one for a new event. */
class ListVenuesFunction implements Function<Message<Requests.Empty>, List<VenueSummary>> {

	private final EventCatalog catalog;

	ListVenuesFunction(EventCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public List<VenueSummary> apply(Message<Requests.Empty> message) {
		return this.catalog.venues();
	}
}
