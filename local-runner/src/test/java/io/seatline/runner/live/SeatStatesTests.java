package io.seatline.runner.live;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.catalog.SeatStatus;

import static org.assertj.core.api.Assertions.assertThat;

class SeatStatesTests {

	private static final EventDetails EVENT = new EventDetails("e1", "Show", null, "v1", "Hall",
			Instant.parse("2030-01-01T19:00:00Z"), 3);

	@Test
	void onlySeatsWhoseStatusChangedAreReportedInSeatMapOrder() {
		var before = states(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE, SeatStatus.BOOKED);
		var after = states(SeatStatus.BOOKED, SeatStatus.AVAILABLE, SeatStatus.AVAILABLE);

		assertThat(after.changedSince(before)).containsExactly(new SeatStates.Seat("A1", "BOOKED"),
				new SeatStates.Seat("A3", "AVAILABLE"));
		assertThat(after.changedSince(after)).isEmpty();
	}

	@Test
	void withoutAnEarlierReadingEverySeatIsNew() {
		var now = states(SeatStatus.AVAILABLE, SeatStatus.HELD, SeatStatus.BOOKED);

		assertThat(now.changedSince(null)).isEqualTo(now.all()).hasSize(3);
	}

	@Test
	void onlyAvailableSeatsCountAsAvailable() {
		assertThat(states(SeatStatus.AVAILABLE, SeatStatus.HELD, SeatStatus.BLOCKED).available()).isEqualTo(1);
	}

	private static SeatStates states(SeatStatus... statuses) {
		var seats = new java.util.ArrayList<SeatMap.Seat>();
		for (int i = 0; i < statuses.length; i++) {
			seats.add(new SeatMap.Seat("A" + (i + 1), statuses[i]));
		}
		return SeatStates.of(new SeatMap(EVENT, List.copyOf(seats)));
	}
}
