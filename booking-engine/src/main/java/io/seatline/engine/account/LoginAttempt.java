package io.seatline.engine.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Login attempts of one subject (a username, whether or not an account has it, so that probing reveals nothing; or
 * a client address), counted in a window; enough of them lock the subject for a while. An attempt is counted before
 * its password is checked and taken back when the password was right.
 */
@Entity
@Table(name = "login_attempts")
class LoginAttempt {

	@Id
	private String subject;

	private long attempts;

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
		if (windowHasPassed(now, window) || (this.lockedUntil != null && !now.isBefore(this.lockedUntil))) {
			this.windowStartedAt = now;
			this.attempts = 0;
			this.lockedUntil = null;
		}
		this.attempts++;
		if (this.attempts >= limit && this.lockedUntil == null) {
			this.lockedUntil = now.plus(lockout);
			return true;
		}
		return false;
	}

	/** Takes back an attempt whose password was right; a lock that only it caused is lifted. */
	void takeBack(long limit) {
		if (this.attempts > 0) {
			this.attempts--;
		}
		if (this.attempts < limit) {
			this.lockedUntil = null;
		}
	}

	long attempts() {
		return this.attempts;
	}

	private boolean windowHasPassed(Instant now, Duration window) {
		return Duration.between(this.windowStartedAt, now).compareTo(window) > 0;
	}
}
