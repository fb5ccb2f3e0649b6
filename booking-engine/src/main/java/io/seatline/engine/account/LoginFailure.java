package io.seatline.engine.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins for one username (whether or not an account has it, so that probing reveals nothing), counted in a
 * window; enough of them lock the username for a while.
 */
@Entity
@Table(name = "login_failures")
class LoginFailure {

	@Id
	private String usernameKey;

	private int failures;

	private Instant windowStartedAt;

	private Instant lockedUntil;

	protected LoginFailure() {
	}

	LoginFailure(String usernameKey, Instant now) {
		this.usernameKey = usernameKey;
		this.windowStartedAt = now;
	}

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	Instant lockedUntil() {
		return this.lockedUntil;
	}

	/** Counts one more failure; returns true when this one locks the username. */
	boolean record(Instant now, AccountSettings settings) {
		if (Duration.between(this.windowStartedAt, now).compareTo(settings.failureWindow()) > 0
				|| (this.lockedUntil != null && !now.isBefore(this.lockedUntil))) {
			this.windowStartedAt = now;
			this.failures = 0;
			this.lockedUntil = null;
		}
		this.failures++;
		if (this.failures >= settings.maxFailedLogins()) {
			this.lockedUntil = now.plus(settings.lockout());
			return true;
		}
		return false;
	}
}
