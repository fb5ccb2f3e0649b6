package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.notification.EmailOutbox;

/** {@code emailJobs} (admin, an extension of the contract): emails pending or being retried, and failed ones. */
class EmailJobsFunction implements Function<Message<Requests.Empty>, Views.EmailJobs> {

	private final EmailOutbox outbox;

	private final Sessions sessions;

	EmailJobsFunction(EmailOutbox outbox, Sessions sessions) {
		this.outbox = outbox;
		this.sessions = sessions;
	}

	@Override
	public Views.EmailJobs apply(Message<Requests.Empty> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return Views.EmailJobs.of(this.outbox.queue(user));
	}
}
