package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.RegisterAccount;
import io.seatline.engine.account.Registered;
import io.seatline.engine.account.Registrations;

/** {@code register}: opens a user account. */
class RegisterFunction implements Function<Message<Requests.Register>, Registered> {

	private final Registrations registrations;

	RegisterFunction(Registrations registrations) {
		this.registrations = registrations;
	}

	@Override
	public Registered apply(Message<Requests.Register> message) {
		var request = message.getPayload();
		return this.registrations.register(new RegisterAccount(request.username(), request.email(), request.password()));
	}
}
