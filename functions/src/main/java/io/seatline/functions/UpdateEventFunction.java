package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.Prices;
import io.seatline.engine.catalog.UpdateEvent;
import io.seatline.engine.idempotency.IdempotentRequests;

/**
 * {@code updateEvent} (admin): edits an event's name, description, start time or prices; a new start time emails
 * every booker. Answers the event as {@code browseEvents} lists it.
 */
class UpdateEventFunction implements Function<Message<Requests.UpdateEvent>, Views.EventListing> {

	private final EventCatalog catalog;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	UpdateEventFunction(EventCatalog catalog, Sessions sessions, IdempotentRequests requests) {
		this.catalog = catalog;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.EventListing apply(Message<Requests.UpdateEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.requests.once(user, "updateEvent", IdempotencyKeys.of(message.getHeaders()), request,
				Views.EventListing.class, () -> Views.EventListing.of(this.catalog.updateEvent(user,
					UpdateEvent.of(request.eventId(), request.name(), request.description(), request.startsAt(),
							new Prices(request.currency(), request.prices())))));
	}
}
