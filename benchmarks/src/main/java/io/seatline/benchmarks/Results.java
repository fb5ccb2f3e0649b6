package io.seatline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;

/**
 * The outcome of an invocation: every run's raw figures, the medians over runs, the ratios; written as JSON.
 *
 * @param name the base name of the files
 * @param startedAt when the invocation started
 * @param finishedAt when it ended
 * @param machine cores, Java, operating system
 * @param options what was asked for
 * @param medians one line per scenario, variant and client count: medians over the runs (of the candidate build)
 * @param ratios between scenarios, from the medians
 * @param runs each run's raw figures (of both builds)
 * @param baseline the medians and ratios of the baseline build, or {@code null} when none was measured
 * @param comparison each line of the candidate over the same line of the baseline (empty without a baseline)
 */
record Results(String name, Instant startedAt, Instant finishedAt, Map<String, Object> machine,
		Map<String, Object> options, List<Measurement> medians, List<Report.Ratio> ratios, List<RunResult> runs,
		Baseline baseline, List<Report.Ratio> comparison) {

	static Results of(Options options, Instant startedAt, List<RunResult> runs) {
		var medians = Report.medians(runs(runs, Build.CANDIDATE));
		var baselineRuns = runs(runs, Build.BASELINE);
		Baseline baseline = null;
		List<Report.Ratio> comparison = List.of();
		if (!baselineRuns.isEmpty()) {
			var baselineMedians = Report.medians(baselineRuns);
			baseline = new Baseline(options.baseline().runnerJar().toString(), baselineMedians,
					Report.ratios(baselineMedians));
			comparison = Report.compare(medians, baselineMedians);
		}
		return new Results(options.name(), startedAt, Instant.now(), thisMachine(), describe(options), medians,
				Report.ratios(medians), runs, baseline, comparison);
	}

	private static List<RunResult> runs(List<RunResult> runs, String build) {
		// results written before builds were told apart have none: they are the candidate's
		return runs.stream().filter(run -> build.equals((run.build() != null) ? run.build() : Build.CANDIDATE))
			.toList();
	}

	/** Every run's integrity check passed (a run without one has nothing to fail). */
	boolean integrityPassed() {
		return this.runs.stream().allMatch(run -> run.integrity() == null || run.integrity().passed());
	}

	Path writeJson(Path dir) throws IOException {
		Files.createDirectories(dir);
		var file = dir.resolve(this.name + ".json");
		SeatlineApi.JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), this);
		return file;
	}

	static Results read(Path file) throws IOException {
		return SeatlineApi.JSON.readValue(file.toFile(), Results.class);
	}

	/**
	 * What the baseline build measured.
	 *
	 * @param runnerJar its runner
	 * @param medians its medians over its runs
	 * @param ratios its ratios between scenarios
	 */
	record Baseline(String runnerJar, List<Measurement> medians, List<Report.Ratio> ratios) {
	}

	private static Map<String, Object> thisMachine() {
		var machine = new LinkedHashMap<String, Object>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		return machine;
	}

	private static Map<String, Object> describe(Options options) {
		var described = new LinkedHashMap<String, Object>();
		described.put("duration", options.duration().toString());
		described.put("warmup", options.warmup().toString());
		described.put("clients", options.clients());
		described.put("readClients", options.readClients());
		described.put("whileBookingClients", options.whileBookingClients());
		described.put("scenarios", options.scenarios().stream().map(Scenario::label).toList());
		described.put("runs", options.runs());
		described.put("databaseUrl", (options.databaseUrl() != null) ? options.databaseUrl()
				: "a fresh SQLite file per run");
		described.put("runners", options.runners());
		described.put("venue", options.rows() + " rows x " + options.seatsPerRow() + " seats");
		described.put("exportBookings", options.exportBookings());
		described.put("runnerJar", options.runnerJar().toString());
		if (options.baseline() != null) {
			described.put("baselineRunnerJar", options.baseline().runnerJar().toString());
		}
		described.put("smoke", options.smoke());
		return described;
	}
}
