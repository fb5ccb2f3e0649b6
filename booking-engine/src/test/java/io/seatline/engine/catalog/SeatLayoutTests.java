package io.seatline.engine.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeatLayoutTests {

	@Test
	void rowsAreLetteredAtoZThenAAOnwards() {
		assertThat(SeatLayout.rowLetters(0)).isEqualTo("A");
		assertThat(SeatLayout.rowLetters(25)).isEqualTo("Z");
		assertThat(SeatLayout.rowLetters(26)).isEqualTo("AA");
		assertThat(SeatLayout.rowLetters(27)).isEqualTo("AB");
		assertThat(SeatLayout.rowLetters(51)).isEqualTo("AZ");
		assertThat(SeatLayout.rowLetters(52)).isEqualTo("BA");
		assertThat(SeatLayout.rowLetters(701)).isEqualTo("ZZ");
		assertThat(SeatLayout.rowLetters(702)).isEqualTo("AAA");
	}

	@Test
	void aNegativeRowIndexIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SeatLayout.rowLetters(-1));
	}

	@Test
	void seatsAreRowThenNumberInSeatMapOrder() {
		assertThat(SeatLayout.labels(2, 3)).containsExactly("A1", "A2", "A3", "B1", "B2", "B3");
	}

	@Test
	void labelsOfManyRowsAreAllDistinct() {
		var labels = SeatLayout.labels(60, 12);
		assertThat(labels).hasSize(720).doesNotHaveDuplicates().contains("AH12", "BH1");
	}

	@Test
	void aVenueWithACapacityAloneHasNumberedSeats() {
		assertThat(SeatLayout.labels(4)).containsExactly("1", "2", "3", "4");
	}
}
