package io.seatline.engine.account;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.seatline.engine.error.Conflict;
import io.seatline.engine.persistence.Ids;

/** A person who can sign in. The username is kept as typed and is unique whatever its case. */
@Entity
@Table(name = "accounts")
class Account {

	@Id
	private String id;

	@Version
	private Long version;

	private String username;

	private String usernameKey;

	private String email;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private Instant createdAt;

	// null while the account may sign in; a new account is never disabled (and the column is left out of inserts)
	@Column(insertable = false)
	private Instant disabledAt;

	protected Account() {
	}

	Account(String username, String email, String passwordHash, Role role, Instant createdAt) {
		this.id = Ids.next();
		this.username = username;
		this.usernameKey = keyOf(username);
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
	}

	/** The case-folded form under which usernames are unique. */
	static String keyOf(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	String id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	String email() {
		return this.email;
	}

	User asUser() {
		return new User(this.id, this.username, this.role);
	}

	/** Stores the hash of a new password (changed by its owner or reset by an admin). */
	void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	/** Stores a stronger hash of the same password, after a successful login found the old one outdated. */
	void rehash(String newHash) {
		this.passwordHash = newHash;
	}

	boolean isDisabled() {
		return this.disabledAt != null;
	}

	/** Stops the account from signing in; {@code CONFLICT} when it is disabled already. */
	void disable(Instant now) {
		if (this.disabledAt != null) {
			throw new Conflict("The account '" + this.username + "' is disabled already");
		}
		this.disabledAt = now;
	}

	/** Lets the account sign in again; {@code CONFLICT} when it is not disabled. */
	void enable() {
		if (this.disabledAt == null) {
			throw new Conflict("The account '" + this.username + "' is not disabled");
		}
		this.disabledAt = null;
	}
}
