package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.idempotency.IdempotentRequests;
import io.seatline.engine.notification.EmailOutbox;

/** {@code retryEmails} (admin, an extension of the contract): retries one failed email, or all of them. */
class RetryEmailsFunction implements Function<Message<Requests.OfEmailJob>, Views.Retried> {

	private final EmailOutbox outbox;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	RetryEmailsFunction(EmailOutbox outbox, Sessions sessions, IdempotentRequests requests) {
		this.outbox = outbox;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.Retried apply(Message<Requests.OfEmailJob> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.requests.once(user, "retryEmails", IdempotencyKeys.of(message.getHeaders()), request,
				Views.Retried.class,
				() -> new Views.Retried(this.outbox.retry(user, Fields.optional(request.jobId()))));
	}
}
