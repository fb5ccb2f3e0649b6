package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.Unauthenticated;

/**
 * Signing in and out, changing passwords, and the admin's account commands (list, disable, enable, reset a
 * password). The password is typed at a masked prompt; scripts give it in
 * {@code SEATLINE_PASSWORD} (a new one in {@code SEATLINE_NEW_PASSWORD}) or as a line of stdin. The token stays in
 * this shell's memory until {@code logout} or the end of the session; a {@code login} run as one command keeps it
 * for the next commands on the same database ({@link LoginStore}) until {@code logout}.
 */
@Component
class AccountCommands {

	private final Functions functions;

	private final Session session;

	private final String environmentPassword;

	private final String environmentNewPassword;

	AccountCommands(Functions functions, Session session,
			@Value("${SEATLINE_PASSWORD:}") String environmentPassword,
			@Value("${SEATLINE_NEW_PASSWORD:}") String environmentNewPassword) {
		this.functions = functions;
		this.session = session;
		this.environmentPassword = environmentPassword;
		this.environmentNewPassword = environmentNewPassword;
	}

	@Command(name = "login", group = "Account", description = "Sign in: login USERNAME (the password is asked for)",
			help = "login USERNAME [--print-token]: asks for the password at a masked prompt; SEATLINE_PASSWORD or a line of stdin gives it in scripts. Run as one command (java -jar seatline-shell.jar login USERNAME) the login is kept for the next commands on this database until logout; --print-token prints only the token and keeps nothing",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String login(@Argument(index = 0, description = "your username") String username,
			@Option(longName = "print-token", description = "print only the token (for scripts); keep nothing") boolean printToken,
			CommandContext context) throws Exception {
		var signedIn = this.functions.call("login", "username", username, "password", password(context));
		var token = signedIn.path("token").asString();
		if (printToken) {
			return token;
		}
		this.session.signedIn(token, signedIn.path("username").asString());
		var line = "Signed in as " + signedIn.path("username").asString() + " (" + signedIn.path("role").asString()
				+ ") until " + Texts.instant(signedIn.path("expiresAt"));
		return this.session.lasting()
				? line + "\nKept for the next commands on this database in " + this.session.savedLoginFile()
						+ "; logout ends it"
				: line;
	}

	@Command(name = "register", group = "Account",
			description = "Open an account: register USERNAME --email EMAIL (the password is asked for)",
			help = "register USERNAME --email EMAIL: asks twice for a password of 8 to 128 characters (SEATLINE_PASSWORD or a line of stdin gives it once in scripts), then sign in with login",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String register(@Argument(index = 0, description = "3 to 32 letters, digits, '.', '_' or '-'") String username,
			@Option(longName = "email", description = "your email address", required = true) String email,
			CommandContext context) throws Exception {
		var registered = this.functions.call("register", "username", username, "email", email,
				"password", newAccountPassword(context));
		return "Registered " + registered.path("username").asString() + ". Sign in with: login "
				+ registered.path("username").asString();
	}

	@Command(name = "logout", group = "Account", description = "Sign out: the session's token stops working",
			help = "logout: ends the session on the server (its token stops working everywhere) and forgets the login kept for this database",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String logout() {
		if (this.session.token() == null) {
			return "Nobody is signed in";
		}
		try {
			this.functions.call("logout");
		}
		catch (Unauthenticated ex) {
			// the session had ended already (expired, or ended elsewhere): signed out all the same
			this.session.signedOut();
			return "Signed out; the session had ended already";
		}
		this.session.signedOut();
		return "Signed out";
	}

	@Command(name = "whoami", group = "Account", description = "Who is signed in, and with which role",
			help = "whoami: the signed-in user and role; \"not signed in\" (exit 3) when nobody is",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String whoami() {
		if (this.session.token() == null) {
			throw new Unauthenticated("Not signed in");
		}
		var user = this.functions.call("currentUser");
		return user.path("username").asString() + " (" + user.path("role").asString() + ")";
	}

	@Command(name = "change-password", group = "Account",
			description = "Change your password (the current and the new one are asked for)",
			help = "change-password: asks for the current password, then a new one; your other sessions end, this one stays. SEATLINE_PASSWORD and SEATLINE_NEW_PASSWORD (or two lines of stdin) give them in scripts",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String changePassword(CommandContext context) throws Exception {
		var current = password(context);
		var changed = this.functions.call("changePassword", "oldPassword", current, "newPassword",
				newPassword(context));
		return "Password changed for " + changed.path("username").asString() + "; "
				+ sessions(changed.path("sessionsEnded").asInt()) + " ended";
	}

	@Command(name = "reset-password", group = "Account",
			description = "Admin: set a new password for an account: reset-password USERNAME (the new one is asked for)",
			help = "reset-password USERNAME: as an admin, sets the account's password and ends all of its sessions; SEATLINE_NEW_PASSWORD or a line of stdin gives it in scripts",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.USERNAME)
	String resetPassword(@Argument(index = 0, description = "the account's username") String username,
			CommandContext context) throws Exception {
		var reset = this.functions.call("resetPassword", "username", username, "newPassword", newPassword(context));
		return "Password of " + reset.path("username").asString() + " reset; "
				+ sessions(reset.path("sessionsEnded").asInt()) + " ended";
	}

	@Command(name = "accounts", group = "Account", description = "Admin: accounts by username: accounts [--query PART]",
			help = "accounts [--query PART] [--limit N]: accounts whose username contains PART in any case, with their"
					+ " role, whether disabled and their confirmed bookings",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String accounts(@Option(longName = "query", description = "part of the username, any case") String query,
			@Option(longName = "limit", description = "at most this many (default 100)") Integer limit) {
		var accounts = this.functions.call("listAccounts", "query", query, "limit", limit);
		if (accounts.isEmpty()) {
			return "No accounts found";
		}
		var rows = new ArrayList<List<String>>();
		for (var account : accounts) {
			rows.add(List.of(Texts.string(account.path("username")), Texts.string(account.path("email")),
					Texts.string(account.path("role")), Texts.instant(account.path("createdAt")),
					account.path("disabled").asBoolean() ? "DISABLED" : "active",
					Long.toString(account.path("bookings").asLong())));
		}
		return Texts.table(List.of("USERNAME", "EMAIL", "ROLE", "CREATED", "STATUS", "BOOKINGS"), rows);
	}

	@Command(name = "account disable", group = "Account", description = "Admin: stop an account signing in: account disable USERNAME",
			help = "account disable USERNAME: ends every session of the account; it cannot sign in until enabled; its bookings stay",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.ENABLED_USERNAME)
	String disableAccount(@Argument(index = 0, description = "the account's username") String username,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var disabled = this.functions.callOnce(key, "disableAccount", "username", username);
		return "Account " + disabled.path("username").asString() + " disabled; "
				+ sessions(disabled.path("sessionsEnded").asInt()) + " ended";
	}

	@Command(name = "account enable", group = "Account", description = "Admin: let a disabled account sign in again: account enable USERNAME",
			help = "account enable USERNAME: the account may sign in again",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.DISABLED_USERNAME)
	String enableAccount(@Argument(index = 0, description = "the account's username") String username,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		return "Account " + this.functions.callOnce(key, "enableAccount", "username", username).path("username").asString()
				+ " enabled";
	}

	private static String sessions(int count) {
		return count + ((count == 1) ? " session" : " sessions");
	}

	private String newPassword(CommandContext context) throws Exception {
		if (!this.environmentNewPassword.isEmpty()) {
			return this.environmentNewPassword;
		}
		return typed(context, "New password: ");
	}

	private String password(CommandContext context) throws Exception {
		if (!this.environmentPassword.isEmpty()) {
			return this.environmentPassword;
		}
		return typed(context, "Password: ");
	}

	/** A new account's password: typed twice at a terminal, so that a typo does not lock the account out. */
	private String newAccountPassword(CommandContext context) throws Exception {
		if (!this.environmentPassword.isEmpty()) {
			return this.environmentPassword;
		}
		var password = typed(context, "Password: ");
		if (!CommandRunner.isTerminal(context.inputReader())) {
			// a script gives it once, as a line of stdin
			return password;
		}
		if (!password.equals(typed(context, "Repeat the password: "))) {
			throw new InvalidRequest("password", "The two passwords differ; nothing was registered");
		}
		return password;
	}

	/** What is typed at a masked prompt; Ctrl-C, Ctrl-D or the end of stdin cancel the command. */
	private static String typed(CommandContext context, String prompt) throws Exception {
		var typed = context.inputReader().readPassword(prompt);
		if (typed == null) {
			throw new Refusals.Cancelled();
		}
		return new String(typed);
	}
}
