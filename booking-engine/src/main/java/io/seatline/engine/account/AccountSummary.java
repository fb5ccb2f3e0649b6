package io.seatline.engine.account;

import java.time.Instant;

/** An account as an admin lists it: who, since when, whether it may sign in, and its confirmed bookings. */
public record AccountSummary(String username, String email, Role role, Instant createdAt, boolean disabled,
		Instant disabledAt, long bookings) {
}
