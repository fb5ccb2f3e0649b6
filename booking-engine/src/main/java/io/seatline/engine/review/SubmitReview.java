package io.seatline.engine.review;

import io.seatline.engine.error.InvalidRequest;

/** The command to rate an event from 1 to 5, with an optional text kept verbatim. */
public record SubmitReview(String eventId, Integer rating, String text) {

	/** The longest text a review may have. */
	public static final int MAX_TEXT = 5000;

	public SubmitReview {
		if (eventId == null || eventId.isBlank()) {
			throw new InvalidRequest("eventId", "eventId is required");
		}
		if (rating == null) {
			throw new InvalidRequest("rating", "rating is required, from 1 to 5");
		}
		if (rating < 1 || rating > 5) {
			throw new InvalidRequest("rating", "rating is from 1 to 5");
		}
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidRequest("text", "A review text has at most " + MAX_TEXT + " characters");
		}
		if (text != null && text.chars()
			.anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			// kept verbatim, shown on pages and in email: line breaks and tabs are text, other controls are not
			throw new InvalidRequest("text", "A review text may not contain control characters other than line breaks");
		}
	}
}
