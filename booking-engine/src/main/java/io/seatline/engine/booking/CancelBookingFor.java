package io.seatline.engine.booking;

import io.seatline.engine.error.InvalidRequest;

/**
 * The box office's command to cancel a customer's booking: the booking by its id or by its reference (one of them;
 * the reference in any case, with spaces or dashes), and the reason, 1 to {@value #MAX_REASON} characters once trimmed,
 * with no control characters but line breaks and tabs.
 */
public record CancelBookingFor(String bookingId, String reference, String reason) {

	/** The longest reason, in characters. */
	public static final int MAX_REASON = 500;

	public CancelBookingFor {
		bookingId = (bookingId == null || bookingId.isBlank()) ? null : bookingId;
		reference = (reference == null || reference.isBlank()) ? null
				: BookingReferences.normalize("reference", reference);
		if (bookingId == null && reference == null) {
			throw new InvalidRequest("bookingId", "Give the booking's bookingId or its reference");
		}
		if (bookingId != null && reference != null) {
			throw new InvalidRequest("reference", "Give the booking's bookingId or its reference, not both");
		}
		reason = (reason == null) ? "" : reason.strip();
		if (reason.isEmpty() || reason.length() > MAX_REASON) {
			throw new InvalidRequest("reason", "The reason is 1 to " + MAX_REASON + " characters; the customer reads it");
		}
		if (reason.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			throw new InvalidRequest("reason", "The reason is text: no control characters but line breaks and tabs");
		}
	}
}
