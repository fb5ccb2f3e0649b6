package io.seatline.engine.audit;

import java.util.Locale;

import io.seatline.engine.booking.BookingReferences;
import io.seatline.engine.error.InvalidRequest;

/**
 * Which entries of the audit log to read: of one event, of one booking (by its id or its reference, in any case,
 * with spaces or dashes), of one user (the actor or the account concerned, in any case); all must match, and none
 * given means every entry. At most {@code limit} entries, newest first: 1 to {@value AuditTrail#MAX_LIMIT},
 * {@value AuditTrail#DEFAULT_LIMIT} when null.
 */
public record AuditQuery(String eventId, String bookingId, String reference, String username, Integer limit) {

	public AuditQuery {
		eventId = (eventId == null || eventId.isBlank()) ? null : eventId;
		bookingId = (bookingId == null || bookingId.isBlank()) ? null : bookingId;
		reference = (reference == null || reference.isBlank()) ? null
				: BookingReferences.normalize("reference", reference);
		if (bookingId != null && reference != null) {
			throw new InvalidRequest("reference", "Give the booking's bookingId or its reference, not both");
		}
		username = (username == null || username.isBlank()) ? null : username.strip().toLowerCase(Locale.ROOT);
		if (username != null && username.length() > 100) {
			throw new InvalidRequest("username", "username has at most 100 characters");
		}
		if (limit != null && (limit < 1 || limit > AuditTrail.MAX_LIMIT)) {
			throw new InvalidRequest("limit", "limit is from 1 to " + AuditTrail.MAX_LIMIT);
		}
	}

	/** Every entry of one event. */
	public static AuditQuery ofEvent(String eventId) {
		return new AuditQuery(eventId, null, null, null, null);
	}

	/** Every entry of one booking. */
	public static AuditQuery ofBooking(String bookingId) {
		return new AuditQuery(null, bookingId, null, null, null);
	}
}
