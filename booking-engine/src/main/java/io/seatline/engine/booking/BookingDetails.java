package io.seatline.engine.booking;

import java.time.Instant;
import java.util.List;

import io.seatline.engine.catalog.EventDetails;

/** A booking as its owner, an email or a report sees it. */
public record BookingDetails(String bookingId, EventDetails event, String accountId, String username,
		List<String> seats, BookingStatus status, Instant createdAt, Instant cancelledAt) {

	static BookingDetails of(Booking booking, EventDetails event, String username) {
		return new BookingDetails(booking.id(), event, booking.accountId(), username, booking.seatLabels(),
				booking.status(), booking.createdAt(), booking.cancelledAt());
	}
}
