package io.seatline.shell;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.seatline.engine.error.Unauthenticated;

/**
 * The shell's session: whose token a command sends. The first that is there wins: the command's {@code --token},
 * the token of a {@code login} in this shell (kept in memory), {@code SEATLINE_TOKEN}, and last the login a one-shot
 * {@code login} saved for this database ({@link LoginStore}).
 */
@Component
class Session {

	private final String environmentToken;

	private final LoginStore store;

	private String commandToken;

	private String token;

	private String username;

	private boolean lasting;

	private LoginStore.Login stored;

	private boolean storedRead;

	Session(@Value("${SEATLINE_TOKEN:}") String environmentToken, LoginStore store) {
		this.environmentToken = environmentToken.strip();
		this.store = store;
	}

	/** The token to send, or null when nobody is signed in. */
	String token() {
		if (this.commandToken != null) {
			return this.commandToken;
		}
		if (this.token != null) {
			return this.token;
		}
		if (!this.environmentToken.isEmpty()) {
			return this.environmentToken;
		}
		var login = stored();
		return (login != null) ? login.token() : null;
	}

	/** Who signed in, as far as the shell knows without asking (a login here or the saved one), or null. */
	String username() {
		if (this.commandToken != null) {
			return null;
		}
		if (this.token != null) {
			return this.username;
		}
		if (!this.environmentToken.isEmpty()) {
			return null;
		}
		var login = stored();
		return (login != null) ? login.username() : null;
	}

	/** True when the token sent is the saved login's. */
	boolean usesSavedLogin() {
		var login = stored();
		return login != null && login.token().equals(token());
	}

	/**
	 * Forgets a saved login the server no longer knows (expired, ended elsewhere) and says so: nobody is signed in.
	 */
	Unauthenticated savedLoginEnded() {
		var username = stored().username();
		forgetSavedLogin();
		return new Unauthenticated("The saved login of " + username
				+ " has expired or was ended; not signed in, the login is forgotten");
	}

	void signedIn(String token, String username) {
		this.token = token;
		this.username = username;
		if (this.lasting) {
			this.store.save(username, token);
			this.stored = new LoginStore.Login(username, token);
		}
	}

	void signedOut() {
		if (usesSavedLogin()) {
			forgetSavedLogin();
		}
		this.token = null;
		this.username = null;
	}

	/** True when a login is kept beyond this process: the shell runs one command from its arguments. */
	boolean lasting() {
		return this.lasting;
	}

	/** Where a lasting login is kept. */
	String savedLoginFile() {
		return this.store.file().toString();
	}

	/** Runs one command from the arguments: its login lasts beyond the process. */
	void lastBeyondThisProcess(boolean lasting) {
		this.lasting = lasting;
	}

	/** A {@code --token} given to one command; null when that command is done. */
	void tokenForOneCommand(String token) {
		this.commandToken = (token == null || token.isBlank()) ? null : token.strip();
	}

	private void forgetSavedLogin() {
		this.store.remove();
		this.stored = null;
		this.storedRead = true;
	}

	private LoginStore.Login stored() {
		if (!this.storedRead) {
			this.stored = this.store.read();
			this.storedRead = true;
		}
		return this.stored;
	}
}
