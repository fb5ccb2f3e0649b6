package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.review.ReviewBoard;
import io.seatline.engine.review.SubmitReview;

/** {@code submitReview}: rates an event the caller booked; a second review replaces the first. */
class SubmitReviewFunction implements Function<Message<Requests.SubmitReview>, Views.Review> {

	private final ReviewBoard reviews;

	private final Sessions sessions;

	SubmitReviewFunction(ReviewBoard reviews, Sessions sessions) {
		this.reviews = reviews;
		this.sessions = sessions;
	}

	@Override
	public Views.Review apply(Message<Requests.SubmitReview> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		var request = message.getPayload();
		return Views.Review.of(
				this.reviews.submit(user, new SubmitReview(request.eventId(), request.rating(), request.text())));
	}
}
