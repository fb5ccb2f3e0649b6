package io.seatline.engine.review;

import java.util.List;

/** The reviews of an event, newest first, and their average rating (null while there are none). */
public record EventReviews(String eventId, Double averageRating, int count, List<ReviewDetails> reviews) {
}
