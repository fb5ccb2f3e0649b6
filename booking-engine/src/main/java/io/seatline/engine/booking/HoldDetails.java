package io.seatline.engine.booking;

import java.time.Instant;
import java.util.List;

/**
 * A hold as the engine answers it: the seats it keeps (or, once released or expired, those it gave back), until
 * when, and the booking that confirmed it.
 */
public record HoldDetails(String holdId, String eventId, String accountId, List<String> seats, HoldStatus status,
		Instant expiresAt, String bookingId) {
}
