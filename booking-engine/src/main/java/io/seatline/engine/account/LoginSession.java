package io.seatline.engine.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in session. Only the SHA-256 of its token is stored, so a copy of the database grants no session. */
@Entity
@Table(name = "login_sessions")
class LoginSession {

	@Id
	private String tokenHash;

	private String accountId;

	private Instant createdAt;

	private Instant expiresAt;

	protected LoginSession() {
	}

	LoginSession(String tokenHash, String accountId, Instant createdAt, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.accountId = accountId;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	String accountId() {
		return this.accountId;
	}

	boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}
}
