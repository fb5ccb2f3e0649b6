package io.seatline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every scenario in smoke mode (tiny sizes, one-second phases) against the packaged runner, so that the build
 * keeps the benchmark working. Asserts that each scenario produced results and that the database passed its
 * integrity check; never a timing.
 */
class BenchmarksSmokeTests {

	@Test
	void everyScenarioProducesResultsAndTheDatabaseStaysConsistent() throws Exception {
		// -Dseatline.runner.jar=... and -Dseatline.shell.jar=... measure other jars than this build's
		var options = Options.parse("--smoke", "--output", "target/smoke", "--runner-jar",
				System.getProperty("seatline.runner.jar", Options.parse().runnerJar().toString()), "--shell-jar",
				System.getProperty("seatline.shell.jar", Options.parse().shellJar().toString()));
		assumeTrue(Files.isRegularFile(options.runnerJar()),
				"the packaged runner is missing (run ./mvnw verify, which packages it first): " + options.runnerJar());

		var results = Benchmarks.run(options, System.out);

		var measured = results.medians().stream().map(Measurement::scenario).distinct().toList();
		assertThat(measured).containsExactlyInAnyOrderElementsOf(Arrays.stream(Scenario.values()).map(Scenario::label)
			.toList());
		assertThat(results.medians()).allSatisfy(line -> assertThat(line.requests()).as(line.key()).isPositive());
		// every booking's email arrived, live and from a backlog, and each email runner's database passed its check
		assertThat(results.medians()).filteredOn(line -> line.scenario().equals("email")).hasSize(2)
			.allSatisfy(email -> {
				assertThat(email.otherErrors()).isZero();
				assertThat(email.details()).containsEntry("integrityPassed", true);
			});
		// the runner's download and the shell's file each held every seeded booking, and the seeded database passed
		assertThat(results.medians()).filteredOn(line -> line.scenario().equals("export")).hasSize(2)
			.allSatisfy(export -> {
				assertThat(export.otherErrors()).as(export.variant()).isZero();
				assertThat(export.details()).containsEntry("records", 2_001L).containsEntry("integrityPassed", true);
			});
		assertThat(results.runs()).singleElement().satisfies(run -> {
			assertThat(run.integrity()).isNotNull();
			assertThat(run.integrity().passed()).as(run.integrity().summary()).isTrue();
		});
		assertThat(results.ratios()).isNotEmpty();
		assertThat(Path.of("target/smoke/smoke.json")).isRegularFile();
	}

	/**
	 * Two runners on one PostgreSQL server (embedded binaries), started as the README starts them (through
	 * {@code bin/seatline-runner}: on Java 25 with the beans Spring AOT worked out at build time, which must still pick
	 * PostgreSQL at run time), book and read side by side without a double sale.
	 */
	@Test
	void twoRunnersOnPostgresqlBookAndReadAndTheDatabaseStaysConsistent() throws Exception {
		var options = Options.parse("--smoke", "--postgres-embedded", "--runners", "2", "--scenarios", "book,read",
				"--output", "target/smoke", "--name", "smoke-postgres", "--runner-jar",
				System.getProperty("seatline.runner.jar", Options.parse().runnerJar().toString()));
		assumeTrue(Files.isRegularFile(options.runnerJar()),
				"the packaged runner is missing (run ./mvnw verify, which packages it first): " + options.runnerJar());

		var results = Benchmarks.run(options, System.out);

		assertThat(results.medians()).filteredOn(line -> line.scenario().equals("book"))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line.requests()).as(line.key()).isPositive());
		assertThat(results.runs()).singleElement().satisfies(run -> {
			assertThat(run.integrity()).isNotNull();
			assertThat(run.integrity().passed()).as(run.integrity().summary()).isTrue();
		});
	}
}
