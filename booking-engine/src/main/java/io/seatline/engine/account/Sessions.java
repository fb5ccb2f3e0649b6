package io.seatline.engine.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.seatline.engine.persistence.SeatlineDataSource;
import io.seatline.engine.persistence.WritePath;

import io.seatline.engine.error.InvalidCredentials;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.Unauthenticated;

/**
 * Signs users in and out, and turns a bearer token back into its {@link User}. Tokens carry 256 random bits; only
 * their SHA-256 is stored.
 */
@Service
public class Sessions {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The one answer to every refused login, whatever was wrong. */
	static final String WRONG_CREDENTIALS = "Wrong username or password, or the account is disabled";

	private final Accounts accounts;

	private final LoginSessions sessions;

	private final LoginThrottle throttle;

	private final PasswordHashing hashing;

	private final AccountSettings settings;

	private final WritePath writes;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate reads;

	// the engine's own pools: a session lookup outside a transaction runs as one statement on its own
	private final JdbcTemplate singleReads;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Sessions(Accounts accounts, LoginSessions sessions, LoginThrottle throttle, PasswordHashing hashing,
			AccountSettings settings, TransactionTemplate transactions, WritePath writes, JdbcTemplate jdbc,
			Clock clock, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
		this.hashing = hashing;
		this.settings = settings;
		this.writes = writes;
		this.reads = new TransactionTemplate(transactions.getTransactionManager());
		this.reads.setReadOnly(true);
		this.singleReads = singleReads(jdbc);
		this.clock = clock;
	}

	private static JdbcTemplate singleReads(JdbcTemplate jdbc) {
		if (!(jdbc.getDataSource() instanceof SeatlineDataSource pools)) {
			return null;
		}
		var single = new JdbcTemplate(pools.singleReads());
		single.setExceptionTranslator(jdbc.getExceptionTranslator());
		return single;
	}

	/**
	 * Checks a username and password and opens a session. {@code INVALID_CREDENTIALS} for a wrong pair or a disabled
	 * account,
	 * {@code TOO_MANY_ATTEMPTS} while the username or the address is locked after repeated failures.
	 */
	public SignedIn login(String username, String password) {
		return login(username, password, null);
	}

	/**
	 * {@link #login(String, String)} from a client address (the host's view of who calls: a remote IP address,
	 * {@code local} for a shell), which is throttled too; null when the host knows none. The attempt is counted
	 * before the password is checked, in a write of its own, whatever transaction the caller is in.
	 */
	public SignedIn login(String username, String password, String clientAddress) {
		if (username == null || username.isEmpty()) {
			throw new InvalidRequest("username", "A username is required");
		}
		// no account can have another name: refused before anything is stored under it
		PasswordPolicy.username(username);
		givenPassword(password, "password");
		var key = Account.keyOf(username);
		this.throttle.admit(key, clientAddress);
		var account = this.reads.execute((status) -> this.accounts.findByUsernameKey(key).orElse(null));
		// the hash is checked outside any transaction: it is slow on purpose and must not hold the write lock
		var matches = this.hashing.matches(password, (account != null) ? account.passwordHash() : null);
		// a disabled account is refused as a wrong password is, after the same work: the answer tells no one
		// whether the password was right or the account exists
		if (account == null || !matches || account.isDisabled()) {
			this.throttle.failed(clientAddress);
			throw new InvalidCredentials(WRONG_CREDENTIALS);
		}
		var upgradedHash = this.hashing.isOutdated(account.passwordHash()) ? this.hashing.hash(password) : null;
		var token = newToken();
		var now = this.clock.instant();
		var expiresAt = now.plus(this.settings.sessionTtl());
		this.writes.writeApart(() -> {
			this.throttle.succeeded(key, clientAddress);
			this.sessions.deleteExpired(account.id(), now);
			this.sessions.save(new LoginSession(hash(token), account.id(), now, expiresAt));
			if (upgradedHash != null) {
				this.accounts.findById(account.id()).ifPresent((fresh) -> fresh.rehash(upgradedHash));
			}
			return null;
		});
		return new SignedIn(token, expiresAt, account.username(), account.role());
	}

	/**
	 * Sets a new password for the signed-in caller, who gives the current one (counted as a login attempt, so a
	 * stolen session is no way to guess it); ends the account's other sessions and keeps the caller's.
	 * {@code INVALID_CREDENTIALS} for a wrong current password, {@code INVALID_REQUEST} for a new one the password
	 * policy refuses.
	 */
	public PasswordChanged changePassword(String token, String oldPassword, String newPassword,
			String clientAddress) {
		var user = authenticate(token);
		givenPassword(oldPassword, "oldPassword");
		PasswordPolicy.newPassword(newPassword, user.username(), "newPassword");
		var key = Account.keyOf(user.username());
		this.throttle.admit(key, clientAddress);
		var account = this.reads.execute((status) -> this.accounts.findById(user.id()).orElse(null));
		if (account == null || !this.hashing.matches(oldPassword, account.passwordHash())) {
			this.throttle.failed(clientAddress);
			throw new InvalidCredentials("The current password is wrong");
		}
		var newHash = this.hashing.hash(newPassword);
		var kept = hash(token.strip());
		int ended = this.writes.writeApart(() -> {
			if (!this.sessions.existsById(kept)) {
				throw new Unauthenticated("The session ended meanwhile; sign in again");
			}
			this.throttle.succeeded(key, clientAddress);
			this.accounts.findById(account.id()).orElseThrow().changePassword(newHash);
			return this.sessions.deleteAllBut(account.id(), kept);
		});
		return new PasswordChanged(account.username(), ended);
	}

	/**
	 * Sets a new password for any account, as an admin ({@code FORBIDDEN} otherwise); ends every session of that
	 * account and lifts a lock on its username. {@code NOT_FOUND} for an unknown username.
	 */
	public PasswordChanged resetPassword(String token, String username, String newPassword) {
		var admin = authenticate(token).requireAdmin();
		if (username == null || username.isEmpty()) {
			throw new InvalidRequest("username", "A username is required");
		}
		PasswordPolicy.username(username);
		PasswordPolicy.newPassword(newPassword, username, "newPassword");
		var key = Account.keyOf(username);
		if (this.reads.execute((status) -> !this.accounts.existsByUsernameKey(key))) {
			throw new NotFound("No account is named '" + username + "'");
		}
		// hashed before the write, which must not wait for it
		var newHash = this.hashing.hash(newPassword);
		return this.writes.write(() -> {
			var account = this.accounts.findByUsernameKey(key)
				.orElseThrow(() -> new NotFound("No account is named '" + username + "'"));
			account.changePassword(newHash);
			this.throttle.forget(key);
			var changed = new PasswordChanged(account.username(), this.sessions.deleteAll(account.id()));
			this.publisher.publishEvent(new AccountAdministered(admin.username(), account.username(),
					AccountAdministered.Change.PASSWORD_RESET, changed.sessionsEnded()));
			return changed;
		});
	}

	// a password given to be checked: the contract's length, so that no megabyte is ever hashed
	private static void givenPassword(String password, String field) {
		if (password == null || password.isEmpty()) {
			throw new InvalidRequest(field, "A password is required");
		}
		if (password.length() > 4 * PasswordPolicy.MAX_PASSWORD
				|| password.codePointCount(0, password.length()) > PasswordPolicy.MAX_PASSWORD) {
			throw new InvalidRequest(field, "A password has at most " + PasswordPolicy.MAX_PASSWORD + " characters");
		}
	}

	/**
	 * The user behind a bearer token; {@code UNAUTHENTICATED} for none, an unknown or an expired one, or one of a
	 * disabled account.
	 */
	public User authenticate(String token) {
		if (token == null || token.isBlank()) {
			throw new Unauthenticated("Sign in first: this needs a session token");
		}
		// one statement: in the caller's transaction when there is one (a signed-in call is one transaction), else on
		// its own, in auto-commit, with no transaction begun and ended around it
		var tokenHash = hash(token.strip());
		var found = (this.singleReads != null && !TransactionSynchronizationManager.isActualTransactionActive())
				? lookUp(this.singleReads, tokenHash)
				: this.reads.execute((status) -> lookUp(this.jdbc, tokenHash));
		if (found.isEmpty() || !this.clock.instant().isBefore(found.get(0).expiresAt())) {
			throw new Unauthenticated("The session is unknown or has expired; sign in again");
		}
		return found.get(0).user();
	}

	private static List<SessionOf> lookUp(JdbcTemplate jdbc, String tokenHash) {
		return jdbc.query("""
				select a.id, a.username, a.role, s.expires_at
				from login_sessions s join accounts a on a.id = s.account_id
				where s.token_hash = ? and a.disabled_at is null""",
				(row, index) -> new SessionOf(new User(row.getString(1), row.getString(2), Role.valueOf(row.getString(3))),
						Instant.ofEpochMilli(row.getLong(4))),
				tokenHash);
	}

	private record SessionOf(User user, Instant expiresAt) {
	}

	/** Ends the session of a token; an unknown token is {@code UNAUTHENTICATED}. */
	public void logout(String token) {
		authenticate(token);
		this.writes.run(() -> this.sessions.deleteById(hash(token.strip())));
	}

	/**
	 * 32 random bytes in URL-safe Base64, never beginning with {@code -}: such a token (one in 64) looked like an option
	 * on a command line ({@code seatline whoami --token -x...} was refused as a missing value).
	 */
	static String newToken() {
		var bytes = new byte[32];
		String token;
		do {
			RANDOM.nextBytes(bytes);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		while (token.charAt(0) == '-');
		return token;
	}

	static String hash(String token) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}
}
