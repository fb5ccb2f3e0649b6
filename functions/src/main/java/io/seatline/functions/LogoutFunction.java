package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;

/** {@code logout} (an extension of the contract): ends the caller's session on the server. */
class LogoutFunction implements Function<Message<Requests.Empty>, Views.LoggedOut> {

	private final Sessions sessions;

	LogoutFunction(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public Views.LoggedOut apply(Message<Requests.Empty> message) {
		this.sessions.logout(Callers.token(message.getHeaders()));
		return new Views.LoggedOut(true);
	}
}
