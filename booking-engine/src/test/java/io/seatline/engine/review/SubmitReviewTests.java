package io.seatline.engine.review;

import org.junit.jupiter.api.Test;

import io.seatline.engine.error.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubmitReviewTests {

	@Test
	void ratingsRunFromOneToFive() {
		assertThat(new SubmitReview("e1", 1, null).rating()).isEqualTo(1);
		assertThat(new SubmitReview("e1", 5, null).rating()).isEqualTo(5);
		assertRefused(0, "rating");
		assertRefused(6, "rating");
		assertRefused(null, "rating");
	}

	@Test
	void theTextIsKeptVerbatim() {
		var text = "  <script>alert('x')</script>\n  ";
		assertThat(new SubmitReview("e1", 4, text).text()).isEqualTo(text);
	}

	@Test
	void aVeryLongTextIsRefused() {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new SubmitReview("e1", 4, "x".repeat(SubmitReview.MAX_TEXT + 1)));
	}

	private static void assertRefused(Integer rating, String field) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new SubmitReview("e1", rating, null))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}
}
