package io.seatline.engine.review;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.NotFound;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reviews on a real database (each subclass names one). */
abstract class ReviewBoardTests {

	@Autowired
	ReviewBoard reviews;

	@Autowired
	SeatReservations reservations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Test
	void aUserWithABookingReviewsAndASecondReviewReplacesTheFirst() {
		var event = this.fixtures.newEvent(1, 2);
		var user = this.fixtures.newUser();
		this.fixtures.book(user, event, "A1");
		this.reviews.submit(user, new SubmitReview(event.eventId(), 2, "meh"));
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.reviews.submit(user, new SubmitReview(event.eventId(), 5, "<script>alert(1)</script>"));
		var listed = this.reviews.reviewsOf(event.eventId());
		assertThat(listed.count()).isOne();
		assertThat(listed.averageRating()).isEqualTo(5.0);
		assertThat(listed.reviews()).singleElement().satisfies((review) -> {
			assertThat(review.text()).isEqualTo("<script>alert(1)</script>");
			assertThat(review.username()).isEqualTo(user.username());
			assertThat(review.reviewId()).isEqualTo(second.reviewId());
		});
	}

	@Test
	void theAverageCoversEveryReviewer() {
		var event = this.fixtures.newEvent(1, 3);
		var ratings = new int[] { 4, 5, 5 };
		for (int i = 0; i < ratings.length; i++) {
			var user = this.fixtures.newUser();
			this.fixtures.book(user, event, "A" + (i + 1));
			this.reviews.submit(user, new SubmitReview(event.eventId(), ratings[i], null));
		}
		var listed = this.reviews.reviewsOf(event.eventId());
		assertThat(listed.count()).isEqualTo(3);
		assertThat(listed.averageRating()).isEqualTo(4.67);
	}

	@Test
	void aUserWithoutABookingCannotReview() {
		var event = this.fixtures.newEvent(1, 1);
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.reviews.submit(this.fixtures.newUser(), new SubmitReview(event.eventId(), 5, "")));
		assertThat(this.reviews.reviewsOf(event.eventId()).averageRating()).isNull();
	}

	@Test
	void aCancelledBookingDoesNotCount() {
		var event = this.fixtures.newEvent(1, 1);
		var user = this.fixtures.newUser();
		this.reservations.cancel(user, this.fixtures.book(user, event, "A1"));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.reviews.submit(user, new SubmitReview(event.eventId(), 5, "")));
	}

	@Test
	void aBookerMayReviewAfterTheEventStarted() {
		var event = this.fixtures.newEvent(1, 1);
		var user = this.fixtures.newUser();
		this.fixtures.book(user, event, "A1");
		this.clock.advance(Duration.ofDays(3));
		try {
			assertThat(this.reviews.submit(user, new SubmitReview(event.eventId(), 3, "ok")).rating()).isEqualTo(3);
		}
		finally {
			this.clock.advance(Duration.ofDays(-3));
		}
	}

	@Test
	void reviewsOfAnUnknownEventAreNotFound() {
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.reviews.reviewsOf("nope"));
	}

	@Test
	void aBuyerReviewsTheEventAndASecondReviewReplacesTheFirst() {
		var event = this.fixtures.newEvent(1, 2);
		var buyer = this.fixtures.newUser();
		this.fixtures.book(buyer, event, "A1");
		this.reviews.submit(buyer, new SubmitReview(event.eventId(), 2, "Too loud"));
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.reviews.submit(buyer, new SubmitReview(event.eventId(), 5, "  Grew on me ✓ "));
		assertThat(second.text()).isEqualTo("  Grew on me ✓ ");
		var another = this.fixtures.newUser();
		this.fixtures.book(another, event, "A2");
		this.reviews.submit(another, new SubmitReview(event.eventId(), 4, null));

		var all = this.reviews.reviewsOf(event.eventId());
		assertThat(all.count()).isEqualTo(2);
		assertThat(all.averageRating()).isEqualTo(4.5);
		assertThat(all.reviews()).extracting((review) -> review.rating()).containsExactlyInAnyOrder(5, 4);
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.reviews
			.submit(this.fixtures.newUser(), new SubmitReview(event.eventId(), 3, "never went")));
	}
}
