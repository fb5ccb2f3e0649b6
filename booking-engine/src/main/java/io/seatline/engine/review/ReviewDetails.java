package io.seatline.engine.review;

import java.time.Instant;

/** A stored review. */
public record ReviewDetails(String reviewId, String eventId, String username, int rating, String text,
		Instant createdAt) {

	static ReviewDetails of(Review review, String username) {
		return new ReviewDetails(review.id(), review.eventId(), username, review.rating(), review.text(),
				review.createdAt());
	}
}
