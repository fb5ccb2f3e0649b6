package io.seatline.benchmarks;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	@Test
	void theDefaultsMeasureEveryScenarioOnceAtOneSixteenAndSixtyFourClients() {
		var options = Options.parse();

		assertThat(options.clients()).containsExactly(1, 16, 64);
		assertThat(options.scenarios()).containsExactly(Scenario.values());
		assertThat(options.runs()).isOne();
		assertThat(options.rows() * options.seatsPerRow()).isEqualTo(20_000);
		assertThat(options.databaseUrl()).isNull();
		assertThat(options.exportBookings()).isEqualTo(100_000);
	}

	@Test
	void theExportScenarioTakesItsBookingCountAndSmokesWithAFew() {
		assertThat(Options.parse("--scenarios", "export", "--export-bookings", "5000").exportBookings())
			.isEqualTo(5_000);
		assertThat(Options.parse("--smoke").exportBookings()).isEqualTo(2_000);
		assertThat(Options.parse("--export-bookings", "7", "--smoke").exportBookings()).isEqualTo(2_000);
	}

	@Test
	void durationsTakeMillisecondsSecondsAndMinutes() {
		assertThat(Options.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Options.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
		assertThat(Options.duration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Options.duration("7")).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void scenariosRunInTheirOwnOrderWhateverOrderTheyWereAskedIn() {
		var options = Options.parse("--scenarios", "book,floor-db", "--clients", "2,8", "--runs", "3");

		assertThat(options.scenarios()).containsExactly(Scenario.FLOOR_DB, Scenario.BOOK);
		assertThat(options.clients()).isEqualTo(List.of(2, 8));
		assertThat(options.runs()).isEqualTo(3);
	}

	@Test
	void aBaselineBuildTakesTurnsWithTheCandidateRunByRun() {
		var options = Options.parse("--runner-jar", "new/runner.jar", "--baseline-runner-jar", "old/runner.jar",
				"--baseline-shell-jar", "old/shell.jar");

		assertThat(options.builds(1)).extracting(Build::label).containsExactly(Build.BASELINE, Build.CANDIDATE);
		assertThat(options.builds(2)).extracting(Build::label).containsExactly(Build.CANDIDATE, Build.BASELINE);
		assertThat(options.baseline().runnerJar()).hasToString("old/runner.jar");
		assertThat(options.baseline().shellJar()).hasToString("old/shell.jar");
		assertThat(Options.parse().builds(1)).extracting(Build::label).containsExactly(Build.CANDIDATE);
	}

	@Test
	void theCrashTestHasItsOwnDefaultsWhichTheOptionsGivenOverrideWhereverTheyStand() {
		var options = Options.parse("--rows", "10", "--crash-test", "--kills", "3", "--seed", "42");

		assertThat(options.crashTest()).isTrue();
		assertThat(options.kills()).isEqualTo(3);
		assertThat(options.seed()).isEqualTo(42);
		assertThat(options.maxClients()).isEqualTo(16);
		assertThat(options.rows()).isEqualTo(10);
		assertThat(options.seatsPerRow()).isEqualTo(100);
		assertThat(options.name()).isEqualTo("crash");
		assertThat(Options.parse().crashTest()).isFalse();
		assertThat(Options.parse("--crash-test").kills()).isEqualTo(20);
	}

	@Test
	void anUnknownScenarioOrOptionIsAUsageError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--scenarios", "boook"))
			.withMessageContaining("boook");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--fast"))
			.withMessageContaining("--fast");
	}
}
