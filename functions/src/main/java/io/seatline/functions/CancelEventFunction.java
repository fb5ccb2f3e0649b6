package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.EventCancellation;
import io.seatline.engine.booking.EventCancellations;

/**
 * {@code cancelEvent} (admin): calls an event off; each confirmed booking is cancelled, its seats released and its
 * booker emailed. The event stays listed, marked cancelled.
 */
class CancelEventFunction implements Function<Message<Requests.CancelEvent>, EventCancellation> {

	private final EventCancellations cancellations;

	private final Sessions sessions;

	CancelEventFunction(EventCancellations cancellations, Sessions sessions) {
		this.cancellations = cancellations;
		this.sessions = sessions;
	}

	@Override
	public EventCancellation apply(Message<Requests.CancelEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.cancellations.cancel(user, Fields.required("eventId", request.eventId()), request.reason());
	}
}
