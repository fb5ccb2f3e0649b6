package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.EventCancellation;
import io.seatline.engine.booking.EventCancellations;
import io.seatline.engine.idempotency.IdempotentRequests;

/**
 * {@code cancelEvent} (admin): calls an event off; each confirmed booking is cancelled, its seats released and its
 * booker emailed. The event stays listed, marked cancelled.
 */
class CancelEventFunction implements Function<Message<Requests.CancelEvent>, EventCancellation> {

	private final EventCancellations cancellations;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	CancelEventFunction(EventCancellations cancellations, Sessions sessions, IdempotentRequests requests) {
		this.cancellations = cancellations;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public EventCancellation apply(Message<Requests.CancelEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.requests.once(user, "cancelEvent", IdempotencyKeys.of(message.getHeaders()), request,
				EventCancellation.class,
				() -> this.cancellations.cancel(user, Fields.required("eventId", request.eventId()), request.reason()));
	}
}
