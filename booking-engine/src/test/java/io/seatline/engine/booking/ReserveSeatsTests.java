package io.seatline.engine.booking;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.seatline.engine.error.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReserveSeatsTests {

	@Test
	void labelsAreMatchedInAnyCase() {
		assertThat(new ReserveSeats("e1", List.of("a1", " B12 ")).seats()).containsExactly("A1", "B12");
	}

	@Test
	void anEmptyListIsRefused() {
		assertRefused(() -> new ReserveSeats("e1", List.of()), "seats");
		assertRefused(() -> new ReserveSeats("e1", null), "seats");
	}

	@Test
	void aLabelGivenTwiceIsRefusedEvenInAnotherCase() {
		assertRefused(() -> new ReserveSeats("e1", List.of("A1", "a1")), "seats");
	}

	@Test
	void aBlankOrMissingLabelIsRefusedByItsPosition() {
		assertRefused(() -> new ReserveSeats("e1", Arrays.asList("A1", null)), "seats[1]");
		assertRefused(() -> new ReserveSeats("e1", List.of(" ")), "seats[0]");
	}

	@Test
	void tooManySeatsAreRefused() {
		var labels = Collections.nCopies(ReserveSeats.MAX_SEATS + 1, "x");
		assertRefused(() -> new ReserveSeats("e1", labels), "seats");
	}

	@Test
	void anEventIsRequired() {
		assertRefused(() -> new ReserveSeats(" ", List.of("A1")), "eventId");
	}

	private static void assertRefused(Runnable command, String field) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(command::run)
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}
}
