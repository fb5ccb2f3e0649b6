package io.seatline.engine.booking;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seatline.engine.error.Conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BookingTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void seatsAreKeptInSeatMapOrder() {
		var booking = Booking.confirmed("b1", "e1", "a1", Map.of("B1", 4, "A10", 9, "A2", 1), NOW);
		assertThat(booking.seatLabels()).containsExactly("A2", "B1", "A10");
		assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
	}

	@Test
	void cancellingAConfirmedBookingCancelsIt() {
		var booking = Booking.confirmed("b1", "e1", "a1", Map.of("A1", 0), NOW);
		booking.cancel(NOW.plusSeconds(60), null);
		assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(booking.cancelledAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void aCancelledBookingCannotBeCancelledAgain() {
		var booking = Booking.confirmed("b1", "e1", "a1", Map.of("A1", 0), NOW);
		booking.cancel(NOW, null);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> booking.cancel(NOW, null));
	}
}
