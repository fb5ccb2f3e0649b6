package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.AccountAdministration;
import io.seatline.engine.account.AccountStatusChanged;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code enableAccount} (admin): a disabled account may sign in again. */
class EnableAccountFunction implements Function<Message<Requests.OfAccount>, AccountStatusChanged> {

	private final AccountAdministration administration;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	EnableAccountFunction(AccountAdministration administration, Sessions sessions, IdempotentRequests requests) {
		this.administration = administration;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public AccountStatusChanged apply(Message<Requests.OfAccount> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return this.requests.once(user, "enableAccount", IdempotencyKeys.of(message.getHeaders()),
				message.getPayload(), AccountStatusChanged.class,
				() -> this.administration.enable(user, message.getPayload().username()));
	}
}
