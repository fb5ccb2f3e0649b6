package io.seatline.benchmarks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTests {

	@Test
	void logsOfSeveralClientsMergeIntoSortedLatenciesAndCountedStatuses() {
		var first = new Samples.Log();
		var second = new Samples.Log();
		for (int i = 1; i <= 50; i++) {
			first.add(i * 1_000_000L, new Call.Outcome(200, 2));
			second.add((100 - i + 1) * 1_000_000L, Call.Outcome.of(409));
		}

		var samples = Samples.Log.merge(List.of(first, second), 2_000_000_000L);

		assertThat(samples.requests()).isEqualTo(100);
		assertThat(samples.count(200)).isEqualTo(50);
		assertThat(samples.count(409)).isEqualTo(50);
		assertThat(samples.seats()).isEqualTo(100);
		assertThat(samples.rate(200)).isEqualTo(25.0);
		assertThat(samples.percentileMillis(50)).isEqualTo(50.0);
		assertThat(samples.percentileMillis(99)).isEqualTo(99.0);
		assertThat(samples.maxMillis()).isEqualTo(100.0);
	}

	@Test
	void aMeasurementSeparatesConflictsBusyAndOtherStatuses() {
		var log = new Samples.Log();
		log.add(1_000_000, Call.Outcome.of(200));
		log.add(1_000_000, Call.Outcome.of(409));
		log.add(1_000_000, Call.Outcome.of(503));
		log.add(1_000_000, Call.Outcome.of(500));
		log.add(1_000_000, new Call.Outcome(Call.Outcome.FAILED, 0));

		var measurement = Measurement.of("book", "reserveSeats", 1, Samples.Log.merge(List.of(log), 1_000_000_000),
				0, Cpu.NONE, Map.of());

		assertThat(measurement.conflictShare()).isEqualTo(0.2);
		assertThat(measurement.busy()).isEqualTo(1);
		assertThat(measurement.otherErrors()).isEqualTo(2);
		assertThat(measurement.statuses()).containsEntry("-1", 1L).containsEntry("500", 1L);
	}
}
