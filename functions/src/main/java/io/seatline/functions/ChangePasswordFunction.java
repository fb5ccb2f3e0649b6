package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.PasswordChanged;
import io.seatline.engine.account.Sessions;

/**
 * {@code changePassword} (an extension of the contract): the signed-in caller sets a new password, giving the current
 * one; the account's other sessions end, the caller's stays.
 */
class ChangePasswordFunction implements Function<Message<Requests.ChangePassword>, PasswordChanged> {

	private final Sessions sessions;

	ChangePasswordFunction(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public PasswordChanged apply(Message<Requests.ChangePassword> message) {
		var request = message.getPayload();
		return this.sessions.changePassword(Callers.token(message.getHeaders()), request.oldPassword(),
				request.newPassword(), Callers.address(message.getHeaders()));
	}
}
