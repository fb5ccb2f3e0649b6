package io.seatline.shell;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shell's session: the bearer token of the last {@code login}, kept in memory only, for the life of the
 * process. Before any login the token comes from {@code SEATLINE_TOKEN}, so that a script or one command can act as
 * a user signed in elsewhere.
 */
@Component
class Session {

	private final String environmentToken;

	private String token;

	private String username;

	Session(@Value("${SEATLINE_TOKEN:}") String environmentToken) {
		this.environmentToken = environmentToken.strip();
	}

	/** The token to send, or null when nobody is signed in. */
	String token() {
		if (this.token != null) {
			return this.token;
		}
		return this.environmentToken.isEmpty() ? null : this.environmentToken;
	}

	/** Who signed in with {@code login} in this shell, or null. */
	String username() {
		return this.username;
	}

	void signedIn(String token, String username) {
		this.token = token;
		this.username = username;
	}

	void signedOut() {
		this.token = null;
		this.username = null;
	}
}
