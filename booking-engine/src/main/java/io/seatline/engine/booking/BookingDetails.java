package io.seatline.engine.booking;

import java.time.Instant;
import java.util.List;

import io.seatline.engine.catalog.EventDetails;

/**
 * A booking as its owner, an email or a report sees it. {@code reference} is what the customer reads out;
 * {@code cancelReason} is set when the box office cancelled it for the customer.
 */
public record BookingDetails(String bookingId, String reference, EventDetails event, String accountId,
		String username, List<String> seats, BookingStatus status, Instant createdAt, Instant cancelledAt,
		String cancelReason) {

	static BookingDetails of(Booking booking, EventDetails event, String username) {
		return new BookingDetails(booking.id(), booking.reference(), event, booking.accountId(), username,
				booking.seatLabels(), booking.status(), booking.createdAt(), booking.cancelledAt(),
				booking.cancelReason());
	}
}
