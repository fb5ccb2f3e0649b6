package io.seatline.benchmarks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	@Test
	void aLineTimedOnceComparesByTimeSoThatAboveOneIsStillFaster() {
		var candidate = Measurement.once("start", "runner", 4_000, 250, true, Cpu.NONE, Map.of());
		var baseline = Measurement.once("start", "runner", 12_000, 380, true, Cpu.NONE, Map.of());

		var ratios = Report.compare(List.of(candidate), List.of(baseline));

		assertThat(ratios).singleElement().satisfies(ratio -> assertThat(ratio.throughput()).isEqualTo(3.0));
		assertThat(Report.ratioLines(ratios)).contains("3.000").contains("(time 4000 / 12000 ms)");
	}

	@Test
	void linesWithARateCompareByRate() {
		var log = new Samples.Log();
		log.add(1_000_000, Call.Outcome.of(200));
		log.add(1_000_000, Call.Outcome.of(200));
		var fast = Measurement.of("book", "http", 1, Samples.Log.merge(List.of(log), 1_000_000_000L), 100, Cpu.NONE,
				Map.of());
		var slow = Measurement.of("book", "http", 1, Samples.Log.merge(List.of(log), 2_000_000_000L), 100, Cpu.NONE,
				Map.of());

		var ratios = Report.compare(List.of(fast), List.of(slow));

		assertThat(ratios).singleElement().satisfies(ratio -> assertThat(ratio.throughput()).isEqualTo(2.0));
		assertThat(Report.ratioLines(ratios)).contains("(2.0 / 1.0 ok/s;");
	}
}
