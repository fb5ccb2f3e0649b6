package io.seatline.engine.account;

import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords with Argon2id. Hashes are stored with their algorithm's id in front ({@code {argon2}...}), so a
 * later release can switch algorithm or cost and upgrade each hash at its owner's next login. bcrypt hashes are still
 * verified, as an older algorithm.
 */
@Component
class PasswordHashing {

	private static final String CURRENT = "argon2";

	private final PasswordEncoder encoder;

	// a hash of a password nobody has, checked when the username is unknown so that timing reveals nothing
	private final String decoy;

	PasswordHashing() {
		this.encoder = new DelegatingPasswordEncoder(CURRENT,
				Map.of(CURRENT, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt",
						new BCryptPasswordEncoder(12)));
		this.decoy = this.encoder.encode("decoy password that never matches anything");
	}

	String hash(String password) {
		return this.encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return this.encoder.matches(password, (hash != null) ? hash : this.decoy);
	}

	boolean isOutdated(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}
}
