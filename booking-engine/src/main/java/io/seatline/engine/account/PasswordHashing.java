package io.seatline.engine.account;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords with Argon2id. Hashes are stored with their algorithm's id in front ({@code {argon2}...}), so a
 * later release can switch algorithm or cost and upgrade each hash at its owner's next login. bcrypt hashes are still
 * verified, as an older algorithm.
 * <p>
 * Each Argon2 hash fills 16 MiB of memory, on purpose, and keeps a core busy: no more hashes run at once than there
 * are cores, so a burst of sign-ins or registrations queues for them instead of filling the heap (two hundred request
 * threads hashing at once would want 3 GiB) and goes no slower for it.
 */
@Component
class PasswordHashing {

	private static final String CURRENT = "argon2";

	private final PasswordEncoder encoder;

	private final Semaphore hashers = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	// a hash of a password nobody has, checked when the username is unknown so that timing reveals nothing; made at
	// the first such check rather than at start
	private volatile String decoy;

	PasswordHashing() {
		this.encoder = new DelegatingPasswordEncoder(CURRENT,
				Map.of(CURRENT, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt",
						new BCryptPasswordEncoder(12)));
	}

	String hash(String password) {
		return oneOfFew(() -> this.encoder.encode(password));
	}

	boolean matches(String password, String hash) {
		var against = (hash != null) ? hash : decoy();
		return oneOfFew(() -> this.encoder.matches(password, against));
	}

	private String decoy() {
		var made = this.decoy;
		if (made == null) {
			made = hash("decoy password that never matches anything");
			this.decoy = made;
		}
		return made;
	}

	private <T> T oneOfFew(Supplier<T> hashing) {
		this.hashers.acquireUninterruptibly();
		try {
			return hashing.get();
		}
		finally {
			this.hashers.release();
		}
	}

	boolean isOutdated(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}
}
