package io.seatline.engine.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Login attempts of one subject (a username, whether or not an account has it, so that probing reveals nothing; or
 * a client address), counted in a window; enough of them lock the subject for a while. An attempt is counted before
 * its password is checked and taken back when the password was right; a wrong one is also counted as a failure. A
 * username is locked by its attempts (so parallel guesses cannot outrun the count), an address by its failures (so
 * that many right logins at once from one address lock nothing).
 */
@Entity
@Table(name = "login_attempts")
class LoginAttempt {

	@Id
	private String subject;

	private long attempts;

	private long failures;

	private Instant windowStartedAt;

	private Instant lockedUntil;

	protected LoginAttempt() {
	}

	LoginAttempt(String subject, Instant now) {
		this.subject = subject;
		this.windowStartedAt = now;
	}

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	/** True when this subject has an attempt not taken back in the current window, or is locked. */
	boolean hasFailedAt(Instant now, Duration window) {
		return isLockedAt(now) || (this.attempts > 0 && !windowHasPassed(now, window));
	}

	/** Counts one more attempt; returns true when this one locks the subject. */
	boolean count(Instant now, long limit, Duration window, Duration lockout) {
		startAgainIfPassed(now, window);
		this.attempts++;
		return lockAt(this.attempts, limit, now, lockout);
	}

	/** Counts one more attempt without locking: an address is locked by its failures only. */
	void countUnlocking(Instant now, Duration window) {
		startAgainIfPassed(now, window);
		this.attempts++;
	}

	/** Counts a wrong password; returns true when this one locks the subject. */
	boolean fail(Instant now, long limit, Duration window, Duration lockout) {
		startAgainIfPassed(now, window);
		this.failures++;
		return lockAt(this.failures, limit, now, lockout);
	}

	private boolean lockAt(long count, long limit, Instant now, Duration lockout) {
		if (count >= limit && this.lockedUntil == null) {
			this.lockedUntil = now.plus(lockout);
			return true;
		}
		return false;
	}

	private void startAgainIfPassed(Instant now, Duration window) {
		if (windowHasPassed(now, window) || (this.lockedUntil != null && !now.isBefore(this.lockedUntil))) {
			this.windowStartedAt = now;
			this.attempts = 0;
			this.failures = 0;
			this.lockedUntil = null;
		}
	}

	/** Takes back an attempt whose password was right. */
	void takeBack() {
		if (this.attempts > 0) {
			this.attempts--;
		}
	}

	long attempts() {
		return this.attempts;
	}

	long failures() {
		return this.failures;
	}

	private boolean windowHasPassed(Instant now, Duration window) {
		return Duration.between(this.windowStartedAt, now).compareTo(window) > 0;
	}
}
