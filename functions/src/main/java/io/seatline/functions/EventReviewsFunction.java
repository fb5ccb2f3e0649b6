package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.review.ReviewBoard;

/** {@code eventReviews}: an event's reviews and average rating. */
class EventReviewsFunction implements Function<Message<Requests.OfEvent>, Views.Reviews> {

	private final ReviewBoard reviews;

	EventReviewsFunction(ReviewBoard reviews) {
		this.reviews = reviews;
	}

	@Override
	public Views.Reviews apply(Message<Requests.OfEvent> message) {
		return Views.Reviews.of(this.reviews.reviewsOf(Fields.required("eventId", message.getPayload().eventId())));
	}
}
