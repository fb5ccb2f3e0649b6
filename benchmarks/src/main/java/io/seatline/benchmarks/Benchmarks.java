package io.seatline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line: runs the plan {@code --runs} times, prints each measurement as it comes, then the
 * medians and ratios, and writes {@code NAME.json} (medians, ratios, every run's raw figures) and {@code NAME.txt}
 * (what was printed) to the output folder. Exits 1 when an integrity check failed, 2 on a usage error. With
 * {@code --crash-test} it runs the crash test ({@link CrashTest}) instead, and exits 1 when a check failed.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			if (!ex.getMessage().isEmpty()) {
				System.err.println(ex.getMessage());
			}
			System.err.print(Options.USAGE);
			System.exit(ex.getMessage().isEmpty() ? 0 : 2);
			return;
		}
		if (options.crashTest()) {
			System.exit(CrashTest.run(options, System.out) ? 0 : 1);
			return;
		}
		if (options.chartsFrom() != null) {
			var results = Results.read(options.chartsFrom());
			System.out.println("Wrote " + Charts.write(results, options.chartsFrom().toAbsolutePath().getParent()));
			return;
		}
		var results = run(options, System.out);
		System.exit(results.integrityPassed() ? 0 : 1);
	}

	/** Runs the plan, printing to {@code out} and to {@code NAME.txt}, and writes {@code NAME.json}. */
	static Results run(Options options, PrintStream out) throws Exception {
		var transcript = new Transcript(out);
		var log = transcript.log();
		var startedAt = Instant.now();
		log.println("Seatline benchmark " + startedAt + ": " + Runtime.getRuntime().availableProcessors()
				+ " cores, Java " + System.getProperty("java.version") + ", runner " + options.runnerJar()
				+ ((options.baseline() != null) ? ", baseline " + options.baseline().runnerJar() : ""));
		log.println("each measurement: warm-up " + options.warmup().toMillis() + " ms, then "
				+ options.duration().toMillis() + " ms; " + options.runs() + " run(s)");
		log.println("ok/s: successes per second (bookings, transactions, reads, pings; CSV rows for export); latencies "
				+ "of every request; 409 %: share of SEATS_UNAVAILABLE; other: any other status or no reply; "
				+ "RSS: the runner's peak; "
				+ "CPU r/c/o: cores used by the runner, by the benchmark's clients, by anything else on the machine");
		log.println(Report.header());
		var runs = new ArrayList<RunResult>();
		try (var databases = Databases.of(options)) {
			for (int run = 1; run <= options.runs(); run++) {
				for (var build : options.builds(run)) {
					runs.add(new SingleRun(options, build, run, databases, log).execute());
				}
			}
		}
		var results = Results.of(options, startedAt, runs);
		if (results.baseline() != null) {
			print(log, "Baseline " + options.baseline().runnerJar() + ": ", options.runs(),
					results.baseline().medians(), results.baseline().ratios());
			print(log, "Candidate " + options.runnerJar() + ": ", options.runs(), results.medians(), results.ratios());
			log.println("Candidate over baseline (successes per second; above 1 is faster):");
			log.print(Report.ratioLines(results.comparison()));
			log.println();
		}
		else {
			print(log, "", options.runs(), results.medians(), results.ratios());
		}
		for (var run : runs) {
			var name = "[run " + run.run() + ((results.baseline() != null) ? " " + run.build() : "") + "] ";
			if (run.runner() != null) {
				log.println(name + "runner: ping answered %d ms after its start command; RSS idle %.0f MiB, peak %.0f MiB"
					.formatted(run.runner().startupMillis(), run.runner().idleRssMb(), run.runner().peakRssMb()));
			}
			if (run.integrity() != null) {
				log.println(name + run.integrity().summary());
			}
		}
		var json = results.writeJson(options.outputDir());
		var charts = charts(results, options, log);
		var text = options.outputDir().resolve(options.name() + ".txt");
		log.println("Wrote " + json + ", " + text + " and " + charts.size() + " chart(s) " + charts);
		transcript.writeTo(text);
		return results;
	}

	private static void print(PrintStream log, String build, int runs, List<Measurement> medians,
			List<Report.Ratio> ratios) {
		log.println();
		log.println(build + "medians over " + runs + " run(s) (error counts summed over runs):");
		log.print(Report.table(medians));
		log.println();
		log.println(build + "ratios (successes per second):");
		log.print(Report.ratioLines(ratios));
		log.println();
	}

	/** The PNG charts; a chart that cannot be drawn costs a warning, never the figures already written. */
	private static List<Path> charts(Results results, Options options, PrintStream log) {
		try {
			return Charts.write(results, options.outputDir());
		}
		catch (Exception | Error ex) {
			log.println("No charts: " + ex);
			return List.of();
		}
	}
}
