package io.seatline.engine.account;

import io.seatline.engine.error.Forbidden;

/** The signed-in caller of an engine service, as established by {@link Sessions#authenticate(String)}. */
public record User(String id, String username, Role role) {

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/** Refuses with {@code FORBIDDEN} unless this user is an admin. */
	public User requireAdmin() {
		if (!isAdmin()) {
			throw new Forbidden("This needs an admin account");
		}
		return this;
	}
}
