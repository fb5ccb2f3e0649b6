package io.seatline.engine.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.seatline.engine.persistence.WritePath;

import io.seatline.engine.error.InvalidCredentials;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.TooManyAttempts;
import io.seatline.engine.error.Unauthenticated;

/**
 * Signs users in and out, and turns a bearer token back into its {@link User}. Tokens carry 256 random bits; only
 * their SHA-256 is stored.
 */
@Service
public class Sessions {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final LoginSessions sessions;

	private final LoginFailures failures;

	private final PasswordHashing hashing;

	private final AccountSettings settings;

	private final WritePath writes;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate reads;

	private final Clock clock;

	Sessions(Accounts accounts, LoginSessions sessions, LoginFailures failures, PasswordHashing hashing,
			AccountSettings settings, TransactionTemplate transactions, WritePath writes, JdbcTemplate jdbc,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.sessions = sessions;
		this.failures = failures;
		this.hashing = hashing;
		this.settings = settings;
		this.writes = writes;
		this.reads = new TransactionTemplate(transactions.getTransactionManager());
		this.reads.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * Checks a username and password and opens a session. {@code INVALID_CREDENTIALS} for a wrong pair,
	 * {@code TOO_MANY_ATTEMPTS} while the username is locked after repeated failures.
	 */
	public SignedIn login(String username, String password) {
		if (username == null || username.isEmpty()) {
			throw new InvalidRequest("username", "A username is required");
		}
		if (password == null || password.isEmpty()) {
			throw new InvalidRequest("password", "A password is required");
		}
		var key = Account.keyOf(username);
		var account = this.reads.execute((status) -> {
			var failure = this.failures.findById(key);
			if (failure.isPresent() && failure.get().isLockedAt(this.clock.instant())) {
				throw locked();
			}
			return this.accounts.findByUsernameKey(key).orElse(null);
		});
		// the hash is checked outside any transaction: it is slow on purpose and must not hold the write lock
		var matches = this.hashing.matches(password, (account != null) ? account.passwordHash() : null);
		if (account == null || !matches) {
			recordFailure(key);
			throw new InvalidCredentials("Wrong username or password");
		}
		var upgradedHash = this.hashing.isOutdated(account.passwordHash()) ? this.hashing.hash(password) : null;
		var token = newToken();
		var now = this.clock.instant();
		var expiresAt = now.plus(this.settings.sessionTtl());
		this.writes.run(() -> {
			var failure = this.failures.findById(key);
			if (failure.isPresent() && failure.get().isLockedAt(now)) {
				// locked by a concurrent failure after our read: a lock is a lock
				throw locked();
			}
			failure.ifPresent(this.failures::delete);
			this.sessions.deleteExpired(account.id(), now);
			this.sessions.save(new LoginSession(hash(token), account.id(), now, expiresAt));
			if (upgradedHash != null) {
				this.accounts.findById(account.id()).ifPresent((fresh) -> fresh.rehash(upgradedHash));
			}
		});
		return new SignedIn(token, expiresAt, account.username(), account.role());
	}

	/** The user behind a bearer token; {@code UNAUTHENTICATED} for none, an unknown or an expired one. */
	public User authenticate(String token) {
		if (token == null || token.isBlank()) {
			throw new Unauthenticated("Sign in first: this needs a session token");
		}
		// one statement, in the caller's transaction when there is one (a signed-in call is one transaction)
		var found = this.reads.execute((status) -> this.jdbc.query("""
				select a.id, a.username, a.role, s.expires_at
				from login_sessions s join accounts a on a.id = s.account_id where s.token_hash = ?""",
				(row, index) -> new SessionOf(new User(row.getString(1), row.getString(2), Role.valueOf(row.getString(3))),
						Instant.ofEpochMilli(row.getLong(4))),
				hash(token.strip())));
		if (found.isEmpty() || !this.clock.instant().isBefore(found.get(0).expiresAt())) {
			throw new Unauthenticated("The session is unknown or has expired; sign in again");
		}
		return found.get(0).user();
	}

	private record SessionOf(User user, Instant expiresAt) {
	}

	/** Ends the session of a token; an unknown token is {@code UNAUTHENTICATED}. */
	public void logout(String token) {
		authenticate(token);
		this.writes.run(() -> this.sessions.deleteById(hash(token.strip())));
	}

	private void recordFailure(String key) {
		try {
			this.writes.run(() -> {
				var failure = this.failures.findById(key)
					.orElseGet(() -> new LoginFailure(key, this.clock.instant()));
				failure.record(this.clock.instant(), this.settings);
				this.failures.save(failure);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// two first failures at once on PostgreSQL: one is counted, which is enough
		}
	}

	private TooManyAttempts locked() {
		return new TooManyAttempts("Too many failed logins for this username; try again in "
				+ this.settings.lockout().toMinutes() + " minutes");
	}

	private static String newToken() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
