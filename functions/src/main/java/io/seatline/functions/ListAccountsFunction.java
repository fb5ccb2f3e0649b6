package io.seatline.functions;

import java.util.List;
import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.AccountAdministration;
import io.seatline.engine.account.AccountSummary;
import io.seatline.engine.account.Sessions;

/** {@code listAccounts} (admin): accounts by username, those whose username contains the query in any case. */
class ListAccountsFunction implements Function<Message<Requests.ListAccounts>, List<AccountSummary>> {

	private final AccountAdministration administration;

	private final Sessions sessions;

	ListAccountsFunction(AccountAdministration administration, Sessions sessions) {
		this.administration = administration;
		this.sessions = sessions;
	}

	@Override
	public List<AccountSummary> apply(Message<Requests.ListAccounts> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.administration.list(user, request.query(), request.limit());
	}
}
