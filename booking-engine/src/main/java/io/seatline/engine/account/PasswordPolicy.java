package io.seatline.engine.account;

import java.util.regex.Pattern;

import io.seatline.engine.error.InvalidRequest;

/** The contract's rules for usernames, emails and passwords, checked before anything is hashed or stored. */
final class PasswordPolicy {

	static final int MIN_PASSWORD = 8;

	static final int MAX_PASSWORD = 128;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,32}");

	// deliberately loose: one @, something on each side, a dot in the domain, no spaces
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private PasswordPolicy() {
	}

	static String username(String username) {
		if (username == null || username.isEmpty()) {
			throw new InvalidRequest("username", "A username is required");
		}
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidRequest("username", "A username has 3 to 32 letters, digits, '.', '_' or '-'");
		}
		return username;
	}

	static String email(String email) {
		if (email == null || email.isBlank()) {
			throw new InvalidRequest("email", "An email address is required");
		}
		var trimmed = email.strip();
		if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
			throw new InvalidRequest("email", "This is not an email address");
		}
		return trimmed;
	}

	static String password(String password) {
		if (password == null || password.isEmpty()) {
			throw new InvalidRequest("password", "A password is required");
		}
		var length = password.codePointCount(0, password.length());
		if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
			throw new InvalidRequest("password",
					"A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
		}
		return password;
	}
}
