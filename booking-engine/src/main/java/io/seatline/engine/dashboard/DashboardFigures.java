package io.seatline.engine.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.notification.EmailOutbox.EmailCounts;

/**
 * The dashboard: totals, one line per event, the latest bookings, and emails pending or failed. Seats blocked by the
 * box office are neither booked nor available: {@code booked + available + blocked = total} (no seat is held yet).
 */
public record DashboardFigures(int totalSeats, int bookedSeats, int availableSeats, long bookings,
		List<EventFigures> events, List<BookingDetails> recentBookings, EmailCounts emails, int blockedSeats) {

	/**
	 * One event's line; {@code cancelled} when the event was called off; {@code timeZone} is its venue's;
	 * {@code revenue} what its confirmed bookings took, in minor units of {@code currency} (null before any booking).
	 */
	public record EventFigures(String eventId, String name, String venueName, Instant startsAt, int totalSeats,
			int bookedSeats, int availableSeats, long bookings, int blockedSeats, boolean cancelled, ZoneId timeZone,
			long revenue, String currency) {

		public EventFigures(String eventId, String name, String venueName, Instant startsAt, int totalSeats,
				int bookedSeats, int availableSeats, long bookings, int blockedSeats, boolean cancelled,
				ZoneId timeZone) {
			this(eventId, name, venueName, startsAt, totalSeats, bookedSeats, availableSeats, bookings, blockedSeats,
					cancelled, timeZone, 0, null);
		}
	}
}
