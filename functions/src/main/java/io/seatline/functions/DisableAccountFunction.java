package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.AccountAdministration;
import io.seatline.engine.account.AccountStatusChanged;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code disableAccount} (admin): the account's sessions end and it can no longer sign in; its bookings stay. */
class DisableAccountFunction implements Function<Message<Requests.OfAccount>, AccountStatusChanged> {

	private final AccountAdministration administration;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	DisableAccountFunction(AccountAdministration administration, Sessions sessions, IdempotentRequests requests) {
		this.administration = administration;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public AccountStatusChanged apply(Message<Requests.OfAccount> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return this.requests.once(user, "disableAccount", IdempotencyKeys.of(message.getHeaders()),
				message.getPayload(), AccountStatusChanged.class,
				() -> this.administration.disable(user, message.getPayload().username()));
	}
}
