package io.seatline.engine.account;

import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import io.seatline.engine.persistence.WritePath;
import io.seatline.engine.error.Conflict;

/** Opens user accounts. */
@Service
public class Registrations {

	private final Accounts accounts;

	private final PasswordHashing hashing;

	private final WritePath writes;

	private final Clock clock;

	Registrations(Accounts accounts, PasswordHashing hashing, WritePath writes, Clock clock) {
		this.accounts = accounts;
		this.hashing = hashing;
		this.writes = writes;
		this.clock = clock;
	}

	/** Opens a {@code USER} account; {@code CONFLICT} when the username is taken in any case. */
	public Registered register(RegisterAccount command) {
		return create(command, Role.USER);
	}

	Registered create(RegisterAccount command, Role role) {
		// hashing takes tens of milliseconds: do it before the write transaction takes the database's write lock
		var hash = this.hashing.hash(command.password());
		try {
			return this.writes.write(() -> {
				if (this.accounts.existsByUsernameKey(Account.keyOf(command.username()))) {
					throw usernameTaken(command.username());
				}
				var account = this.accounts.saveAndFlush(
						new Account(command.username(), command.email(), hash, role, this.clock.instant()));
				return new Registered(account.id(), account.username());
			});
		}
		catch (DataIntegrityViolationException ex) {
			// a concurrent registration of the same name won the unique index
			throw usernameTaken(command.username());
		}
	}

	private static Conflict usernameTaken(String username) {
		return new Conflict("The username '" + username + "' is taken");
	}
}
