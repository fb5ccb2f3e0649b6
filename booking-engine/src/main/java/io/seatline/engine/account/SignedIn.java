package io.seatline.engine.account;

import java.time.Instant;

/** A new session: the bearer token (shown once, stored only hashed) and when it expires. */
public record SignedIn(String token, Instant expiresAt, String username, Role role) {

	@Override
	public String toString() {
		return "SignedIn[username=" + this.username + ", role=" + this.role + ", expiresAt=" + this.expiresAt + "]";
	}
}
