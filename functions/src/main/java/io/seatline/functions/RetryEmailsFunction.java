package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.notification.EmailOutbox;

/** {@code retryEmails} (admin, an extension of the contract): retries one failed email, or all of them. */
class RetryEmailsFunction implements Function<Message<Requests.OfEmailJob>, Views.Retried> {

	private final EmailOutbox outbox;

	private final Sessions sessions;

	RetryEmailsFunction(EmailOutbox outbox, Sessions sessions) {
		this.outbox = outbox;
		this.sessions = sessions;
	}

	@Override
	public Views.Retried apply(Message<Requests.OfEmailJob> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return new Views.Retried(this.outbox.retry(user, Fields.optional(message.getPayload().jobId())));
	}
}
