package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.idempotency.IdempotentRequests;
import io.seatline.engine.catalog.Prices;

/** {@code createEvent} (admin): puts an event on sale at a venue, with a copy of its seats, free or at prices. */
class CreateEventFunction implements Function<Message<Requests.CreateEvent>, Views.CreatedEvent> {

	private final EventCatalog catalog;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	CreateEventFunction(EventCatalog catalog, Sessions sessions, IdempotentRequests requests) {
		this.catalog = catalog;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.CreatedEvent apply(Message<Requests.CreateEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.requests.once(user, "createEvent", IdempotencyKeys.of(message.getHeaders()), request,
				Views.CreatedEvent.class, () -> Views.CreatedEvent.of(this.catalog.createEvent(user,
					CreateEvent.of(request.venueId(), request.name(), request.startsAt(), request.description(),
							request.maxSeatsPerAccount())
						.withPrices(new Prices(request.currency(), request.prices())))));
	}
}
