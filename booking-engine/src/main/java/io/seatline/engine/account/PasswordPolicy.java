package io.seatline.engine.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.seatline.engine.error.InvalidRequest;

/**
 * The contract's rules for usernames, emails and passwords, checked before anything is hashed or stored. Beyond the
 * contract's lengths, a new password may not be one of the commonly used passwords of a bundled list, the username,
 * or whitespace only (NIST SP 800-63B 3.1.1.2, OWASP ASVS 5.0 V6.2).
 */
final class PasswordPolicy {

	static final int MIN_PASSWORD = 8;

	static final int MAX_PASSWORD = 128;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,32}");

	// deliberately loose: one @, something on each side, a dot in the domain, no spaces
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * Every password of 8 or more characters in the ranked list of common passwords that zxcvbn-ts ships
	 * ({@code @zxcvbn-ts/language-common} 4.1.3, MIT; drawn from leaked-password corpora), in lower case: shorter
	 * ones are refused by length already.
	 */
	static final Set<String> COMMON = load("common-passwords.txt");

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

	/** The contract's length rule only: what a password given at login can be checked against. */
	static String password(String password) {
		return password(password, "password");
	}

	static String password(String password, String field) {
		if (password == null || password.isEmpty()) {
			throw new InvalidRequest(field, "A password is required");
		}
		var length = password.codePointCount(0, password.length());
		if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
			throw new InvalidRequest(field, "A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
		}
		return password;
	}

	/**
	 * A password to be set for the account of {@code username}: the length rule, and not a common password, the
	 * username itself, or whitespace only (compared without case and surrounding whitespace).
	 */
	static String newPassword(String password, String username, String field) {
		password(password, field);
		if (password.codePoints().allMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
			throw new InvalidRequest(field, "A password cannot be only spaces");
		}
		var folded = password.strip().toLowerCase(Locale.ROOT);
		if (username != null && folded.equals(username.toLowerCase(Locale.ROOT))) {
			throw new InvalidRequest(field, "A password cannot be the username");
		}
		if (COMMON.contains(folded)) {
			throw new InvalidRequest(field,
					"This password is one of the most commonly used ones, which are tried first; choose another");
		}
		return password;
	}

	private static Set<String> load(String resource) {
		var stream = PasswordPolicy.class.getResourceAsStream(resource);
		if (stream == null) {
			throw new IllegalStateException("The list of common passwords is missing: " + resource);
		}
		var passwords = new HashSet<String>(32_768);
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty()) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}
}
