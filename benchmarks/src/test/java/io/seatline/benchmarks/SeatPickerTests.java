package io.seatline.benchmarks;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeatPickerTests {

	private final SeatPicker seats = new SeatPicker(30, 200);

	@Test
	void rowsAreLetteredAsTheContractSays() {
		assertThat(SeatPicker.rowLetters(0)).isEqualTo("A");
		assertThat(SeatPicker.rowLetters(25)).isEqualTo("Z");
		assertThat(SeatPicker.rowLetters(26)).isEqualTo("AA");
		assertThat(SeatPicker.rowLetters(27)).isEqualTo("AB");
		assertThat(SeatPicker.rowLetters(701)).isEqualTo("ZZ");
		assertThat(SeatPicker.rowLetters(702)).isEqualTo("AAA");
	}

	@Test
	void everySeatIsListedOnceInSeatMapOrder() {
		var all = this.seats.all();
		assertThat(all).hasSize(6000);
		assertThat(all.get(0)).isEqualTo(new SeatPicker.Seat("A1", 0));
		assertThat(all.get(200)).isEqualTo(new SeatPicker.Seat("B1", 200));
		assertThat(all.get(5999)).isEqualTo(new SeatPicker.Seat("AD200", 5999));
	}

	@RepeatedTest(200)
	void aPickIsOneToFourAdjacentSeatsOfOneRow() {
		var picked = this.seats.pick();
		assertThat(picked).hasSizeBetween(1, 4);
		var row = picked.get(0).position() / 200;
		for (int i = 0; i < picked.size(); i++) {
			assertThat(picked.get(i).position()).isEqualTo(picked.get(0).position() + i);
			assertThat(picked.get(i).position() / 200).isEqualTo(row);
		}
	}
}
