package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;

/** {@code currentUser} (an extension of the contract): who the bearer token belongs to. */
class CurrentUserFunction implements Function<Message<Requests.Empty>, Views.CurrentUser> {

	private final Sessions sessions;

	CurrentUserFunction(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public Views.CurrentUser apply(Message<Requests.Empty> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		return new Views.CurrentUser(user.id(), user.username(), user.role().name());
	}
}
