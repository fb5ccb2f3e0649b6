package io.seatline.shell;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SeatGridTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void rowsBeyondZAreDrawnWithTheirLetters() {
		var grid = grid("""
				[{"seat":"Z1","status":"AVAILABLE"},{"seat":"Z2","status":"HELD"},
				 {"seat":"AA1","status":"BLOCKED"},{"seat":"AA2","status":"BOOKED"}]""");
		assertThat(grid).isEqualTo(String.join(System.lineSeparator(), "    1 2", "Z   . H", "AA  # X", "",
				"Legend:  . free  X booked  H held  # blocked", "1 of 4 seats free"));
	}

	@Test
	void seatsNumberedBeyondNineLineUpInWiderColumns() {
		var seats = new StringBuilder("[");
		for (int i = 1; i <= 12; i++) {
			seats.append((i > 1) ? "," : "").append("{\"seat\":\"A").append(i).append("\",\"status\":\"AVAILABLE\"}");
		}
		var grid = grid(seats.append("]").toString());
		assertThat(grid.lines().findFirst().orElseThrow()).isEqualTo("    1  2  3  4  5  6  7  8  9 10 11 12");
		assertThat(grid.lines().skip(1).findFirst().orElseThrow()).isEqualTo("A   .  .  .  .  .  .  .  .  .  .  .  .");
	}

	@Test
	void anEventWithoutSeatsSaysSo() {
		assertThat(grid("[]")).isEqualTo("This event has no seats");
	}

	private static String grid(String seats) {
		return SeatGrid.of(JSON.readTree(seats)).render();
	}
}
