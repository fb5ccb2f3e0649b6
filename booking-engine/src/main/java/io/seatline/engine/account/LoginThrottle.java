package io.seatline.engine.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.TooManyAttempts;
import io.seatline.engine.persistence.WritePath;

/**
 * Limits password guesses per username and per client address. Each attempt is counted before its password is
 * checked, in a write of its own that no rollback of the caller can undo, so parallel guesses for one username cannot
 * exceed its limit and no call shape escapes it. An address is locked by its wrong passwords (each recorded right
 * after its check, also apart), so that many right logins at once from one address (a NAT, a test) lock nothing; a
 * burst of parallel guesses from one address at different usernames can pass its limit by the guesses in flight,
 * each username still at most its own limit. A locked username refuses only the addresses that have a failed attempt in the
 * window (or every caller that gives no address), so that a guesser elsewhere cannot lock its owner out; a locked
 * address refuses every login. Expired rows are deleted by the login path itself.
 */
@Component
class LoginThrottle {

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	private static final int MAX_ADDRESS = 64;

	private final LoginAttempts attempts;

	private final AccountSettings settings;

	private final WritePath writes;

	private final Clock clock;

	private final AtomicReference<Instant> lastSweep = new AtomicReference<>();

	LoginThrottle(LoginAttempts attempts, AccountSettings settings, WritePath writes, Clock clock) {
		this.attempts = attempts;
		this.settings = settings;
		this.writes = writes;
		this.clock = clock;
	}

	/**
	 * Counts an attempt at the password of a username from a client address (null when the host gives none), durably,
	 * before the caller checks the password; {@code TOO_MANY_ATTEMPTS} (and nothing counted) when the username or the
	 * address is locked. Refused on the writer thread, inside another write, where it could not be kept apart.
	 */
	void admit(String usernameKey, String clientAddress) {
		if (this.writes.isWriterThread()) {
			throw new InvalidRequest(null,
					"A password is checked only in a call of its own, not inside a composition or another write");
		}
		var from = (clientAddress == null || clientAddress.isBlank()) ? null : clientAddress;
		var refusal = this.writes.writeApart(() -> {
			var now = this.clock.instant();
			sweep(now);
			var user = row(userSubject(usernameKey), now);
			var address = (from != null) ? row(addressSubject(from), now) : null;
			if (address != null && address.isLockedAt(now)) {
				return addressLocked();
			}
			if (user.isLockedAt(now) && (address == null || address.hasFailedAt(now, this.settings.failureWindow()))) {
				return usernameLocked();
			}
			user.count(now, this.settings.maxFailedLogins(), this.settings.failureWindow(), this.settings.lockout());
			if (address != null) {
				address.countUnlocking(now, this.settings.failureWindow());
			}
			return null;
		});
		if (refusal != null) {
			throw refusal;
		}
	}

	/**
	 * After a wrong password, in a write of its own: the address counts a failure, which may lock it (the username
	 * counted its attempt already, before the check).
	 */
	void failed(String clientAddress) {
		if (clientAddress == null || clientAddress.isBlank()) {
			return;
		}
		this.writes.writeApart(() -> {
			var now = this.clock.instant();
			row(addressSubject(clientAddress), now).fail(now, this.settings.maxFailedLoginsPerAddress(),
					this.settings.failureWindow(), this.settings.lockout());
			return null;
		});
	}

	/**
	 * After a right password, inside the write that opens the session: the username's count starts again and the
	 * address's attempt is taken back (only that one: a guesser's own account must not clear its address).
	 */
	void succeeded(String usernameKey, String clientAddress) {
		this.attempts.deleteById(userSubject(usernameKey));
		if (clientAddress != null && !clientAddress.isBlank()) {
			this.attempts.lockBySubject(addressSubject(clientAddress))
				.ifPresent(LoginAttempt::takeBack);
		}
	}

	/** Lifts a username's lock (an admin set a new password). */
	void forget(String usernameKey) {
		this.attempts.deleteById(userSubject(usernameKey));
	}

	private LoginAttempt row(String subject, Instant now) {
		this.attempts.createIfMissing(subject, now.toEpochMilli());
		return this.attempts.lockBySubject(subject).orElseThrow();
	}

	private void sweep(Instant now) {
		var last = this.lastSweep.get();
		if (last != null && !now.isBefore(last) && now.isBefore(last.plus(SWEEP_EVERY))) {
			return;
		}
		this.lastSweep.set(now);
		this.attempts.deleteExpired(now.minus(this.settings.failureWindow()), now);
	}

	private TooManyAttempts usernameLocked() {
		return new TooManyAttempts("Too many failed logins for this username; try again in "
				+ this.settings.lockout().toMinutes() + " minutes");
	}

	private TooManyAttempts addressLocked() {
		return new TooManyAttempts("Too many failed logins from this address; try again in "
				+ this.settings.lockout().toMinutes() + " minutes");
	}

	static String userSubject(String usernameKey) {
		return "user:" + usernameKey;
	}

	// the host sets the address, but an embedding app may pass anything: a long one is stored as its digest
	static String addressSubject(String address) {
		var value = address.strip();
		return "address:" + ((value.length() <= MAX_ADDRESS) ? value : sha256(value));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}
}
