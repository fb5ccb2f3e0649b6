package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.PasswordChanged;
import io.seatline.engine.account.Sessions;

/**
 * {@code resetPassword} (admin, an extension of the contract): sets a new password for any account and ends all of
 * its sessions.
 */
class ResetPasswordFunction implements Function<Message<Requests.ResetPassword>, PasswordChanged> {

	private final Sessions sessions;

	ResetPasswordFunction(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public PasswordChanged apply(Message<Requests.ResetPassword> message) {
		var request = message.getPayload();
		return this.sessions.resetPassword(Callers.token(message.getHeaders()), request.username(),
				request.newPassword());
	}
}
