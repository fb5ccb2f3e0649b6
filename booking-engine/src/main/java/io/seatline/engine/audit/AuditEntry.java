package io.seatline.engine.audit;

import java.time.Instant;

/**
 * One entry of the audit log: when, who ({@code actor}), what ({@code action}, the function's name), what it
 * concerns (an event, a booking with its reference, an account's username; each may be null), a sentence, and the
 * state before and after as JSON objects (null where there was none).
 */
public record AuditEntry(Instant at, String actor, String action, String eventId, String bookingId, String reference,
		String username, String summary, String before, String after) {
}
