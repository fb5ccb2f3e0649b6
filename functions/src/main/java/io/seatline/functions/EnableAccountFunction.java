package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.AccountAdministration;
import io.seatline.engine.account.AccountStatusChanged;
import io.seatline.engine.account.Sessions;

/** {@code enableAccount} (admin): a disabled account may sign in again. */
class EnableAccountFunction implements Function<Message<Requests.OfAccount>, AccountStatusChanged> {

	private final AccountAdministration administration;

	private final Sessions sessions;

	EnableAccountFunction(AccountAdministration administration, Sessions sessions) {
		this.administration = administration;
		this.sessions = sessions;
	}

	@Override
	public AccountStatusChanged apply(Message<Requests.OfAccount> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return this.administration.enable(user, message.getPayload().username());
	}
}
