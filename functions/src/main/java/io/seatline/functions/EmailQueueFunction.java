package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.notification.EmailOutbox;

/** {@code emailQueue} (admin, an extension of the contract): emails pending or being retried, and failed ones. */
class EmailQueueFunction implements Function<Message<Requests.Empty>, Views.EmailJobs> {

	private final EmailOutbox outbox;

	private final Sessions sessions;

	EmailQueueFunction(EmailOutbox outbox, Sessions sessions) {
		this.outbox = outbox;
		this.sessions = sessions;
	}

	@Override
	public Views.EmailJobs apply(Message<Requests.Empty> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return Views.EmailJobs.of(this.outbox.queue(user));
	}
}
