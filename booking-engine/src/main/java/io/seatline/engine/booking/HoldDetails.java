package io.seatline.engine.booking;

import java.time.Instant;
import java.util.List;

/**
 * A hold as the engine answers it: the seats it keeps (or, once released or expired, those it gave back), until
 * when, the booking that confirmed it, and what its seats cost now (minor units of the event's currency; 0 for a
 * free event).
 */
public record HoldDetails(String holdId, String eventId, String accountId, List<String> seats, HoldStatus status,
		Instant expiresAt, String bookingId, long amount, String currency) {

	HoldDetails withSeats(List<String> seats, long amount, String currency) {
		return new HoldDetails(this.holdId, this.eventId, this.accountId, seats, this.status, this.expiresAt,
				this.bookingId, amount, currency);
	}
}
