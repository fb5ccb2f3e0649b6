package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.catalog.EventCatalog;

/** {@code eventSeats}: every seat of an event with its status. */
class EventSeatsFunction implements Function<Message<Requests.OfEvent>, Views.EventSeats> {

	private final EventCatalog catalog;

	EventSeatsFunction(EventCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Views.EventSeats apply(Message<Requests.OfEvent> message) {
		return Views.EventSeats.of(this.catalog.seatMap(Fields.required("eventId", message.getPayload().eventId())));
	}
}
