package io.seatline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the crash test small (one kill, four buyers, a 200-seat hall, on SQLite) against the packaged runner, so that
 * the build keeps it working: it must pass its own checks, after bookings were really confirmed. Asserts no timing.
 */
class CrashTestSmokeTests {

	private static final Pattern CONFIRMED = Pattern.compile("bookings confirmed to clients \\(200\\): ([\\d,]+)");

	@Test
	void aRunnerKilledUnderLoadLosesNoConfirmedBookingAndNoEmail() throws Exception {
		// -Dseatline.runner.jar=... tests another jar than this build's
		var options = Options.parse("--crash-test", "--kills", "1", "--clients", "4", "--rows", "10",
				"--seats-per-row", "20", "--seed", "9", "--output", "target/crash-smoke", "--name", "crash-smoke",
				"--runner-jar", System.getProperty("seatline.runner.jar", Options.parse().runnerJar().toString()));
		assumeTrue(Files.isRegularFile(options.runnerJar()),
				"the packaged runner is missing (run ./mvnw verify, which packages it first): " + options.runnerJar());

		boolean passed = CrashTest.run(options, System.out);

		var printed = Files.readString(Path.of("target/crash-smoke/crash-smoke.txt"));
		assertThat(passed).as(printed).isTrue();
		assertThat(printed).contains("kills: 1, exit statuses 1 x 137", "CRASH TEST PASSED (seed 9)");
		var confirmed = CONFIRMED.matcher(printed);
		assertThat(confirmed.find()).as(printed).isTrue();
		assertThat(Integer.parseInt(confirmed.group(1).replace(",", ""))).as("bookings confirmed to clients")
			.isPositive();
	}
}
