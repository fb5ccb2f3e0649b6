package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.VenueSummary;
import io.seatline.engine.idempotency.IdempotentRequests;

/**
 * {@code createVenue} (admin): a venue of rows of seats, or of a capacity, in a time zone or the default one, with
 * price categories or none.
 */
class CreateVenueFunction implements Function<Message<Requests.CreateVenue>, VenueSummary> {

	private final EventCatalog catalog;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	CreateVenueFunction(EventCatalog catalog, Sessions sessions, IdempotentRequests requests) {
		this.catalog = catalog;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public VenueSummary apply(Message<Requests.CreateVenue> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.requests.once(user, "createVenue", IdempotencyKeys.of(message.getHeaders()), request,
				VenueSummary.class, () -> this.catalog.createVenue(user,
					new CreateVenue(request.name(), request.rows(), request.seatsPerRow(), request.capacity())
						.inTimeZone(request.timeZone())
						.withCategories(Requests.Category.all(request.categories()))));
	}
}
