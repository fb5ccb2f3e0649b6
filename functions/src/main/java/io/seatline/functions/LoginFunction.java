package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.account.SignedIn;

/** {@code login}: opens a session and returns its bearer token. */
class LoginFunction implements Function<Message<Requests.Login>, SignedIn> {

	private final Sessions sessions;

	LoginFunction(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public SignedIn apply(Message<Requests.Login> message) {
		return this.sessions.login(message.getPayload().username(), message.getPayload().password(),
				Callers.address(message.getHeaders()));
	}
}
