package io.seatline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code export}: the CSV of N bookings ({@code --export-bookings}, 100,000 by default), downloaded from the runner
 * and written by the shell, with the memory each takes. The bookings are written straight into the database
 * ({@link BookingSeed}) between a first runner start (migrations, the admin, whose login the rest uses) and a second.
 * The second runner idles 2 s, then {@code GET /admin/export.csv} is read as it arrives (counted, never held) while
 * its resident memory is sampled every 5 ms: wall time, rows/s, bytes, RSS before, peak and growth. Then, the runner
 * stopped, the shell's {@code export --file} runs as one command on the same database: wall time and peak RSS. Each
 * CSV must hold N bookings and the header; the database must pass the integrity check after.
 */
final class Exports {

	private static final Duration SAMPLING = Duration.ofMillis(5);

	private Exports() {
	}

	static List<Measurement> measure(Options options, Build build, String databaseUrl, Path workDir, PrintStream log)
			throws Exception {
		var environment = Map.of("DATABASE_URL", databaseUrl, "ADMIN_PASSWORD", Stage.ADMIN_PASSWORD);
		String admin;
		try (var runner = RunnerProcess.start(build.runnerJar(), workDir, "export-schema", environment);
				var api = new SeatlineApi(runner.endpoint())) {
			admin = api.login("admin", Stage.ADMIN_PASSWORD);
		}
		var seed = BookingSeed.write(databaseUrl, options.exportBookings(),
				new SeatPicker(options.rows(), options.seatsPerRow()));
		log.println("export: wrote %d bookings (%d seats, %d events) into the database in %d ms"
			.formatted(seed.bookings(), seed.seats(), seed.events(), seed.millis()));
		var measurements = new ArrayList<Measurement>();
		try (var runner = RunnerProcess.start(build.runnerJar(), workDir, "export-runner", environment)) {
			// idle: started, answered, nothing asked of it since
			Thread.sleep(options.smoke() ? 200 : 2000);
			measurements.add(download(runner, admin, seed, log));
			runner.requireAlive();
		}
		measurements.add(shell(build, databaseUrl, admin, seed, workDir, log));
		var integrity = Integrity.check(databaseUrl, seed.seats());
		log.println(integrity.summary());
		measurements.forEach(measurement -> measurement.details().put("integrityPassed", integrity.passed()));
		return measurements;
	}

	/** {@code GET /admin/export.csv} as the admin, counted as it arrives, with the runner's memory sampled. */
	private static Measurement download(RunnerProcess runner, String admin, BookingSeed seed, PrintStream log)
			throws Exception {
		var csv = new CsvRecords();
		long before = Rss.kib(runner.pid());
		int status;
		long nanos;
		long peak;
		Cpu cpu;
		try (var rss = new Rss.Sampler(runner.pid(), SAMPLING);
				var connection = new HttpConnection(runner.endpoint().host(), runner.endpoint().port())) {
			rss.reset();
			var since = Cpu.Snapshot.take(runner.pid());
			long started = System.nanoTime();
			status = connection.get("/admin/export.csv", admin, csv);
			nanos = System.nanoTime() - started;
			cpu = since.since();
			peak = Math.max(before, rss.peakKib());
		}
		var details = figures(seed, csv, nanos, peak);
		details.put("status", status);
		details.put("rssBeforeMb", Rss.mib(before));
		details.put("rssGrowthMb", Rss.mib(peak - before));
		// the kernel's own peak since the runner started (VmHWM): no sample can miss it, but it includes the start
		details.put("rssHighWaterMarkMb", Rss.mib(Rss.peakKib(runner.pid())));
		boolean ok = status == 200 && csv.records() == seed.bookings() + 1;
		log.println(("export: the runner's CSV of %d bookings (%d records, %.1f MB, status %d) in %d ms, %.0f rows/s; "
				+ "RSS %.0f MiB before, %.0f MiB peak: %+.1f MiB").formatted(seed.bookings(), csv.records(),
						csv.bytes() / 1e6, status, nanos / 1_000_000, details.get("rowsPerSecond"), Rss.mib(before),
						Rss.mib(peak), Rss.mib(peak - before)));
		return measurement("runner: GET /admin/export.csv (RSS peak)", nanos, peak, ok, cpu, details);
	}

	/** {@code export --file} in a shell process of its own, signed in with the admin's token. */
	private static Measurement shell(Build build, String databaseUrl, String admin, BookingSeed seed, Path workDir,
			PrintStream log) throws Exception {
		var file = workDir.resolve("export-shell.csv");
		var run = OneShot.run("export-shell", OneShot.shell(build, List.of("export", "--file", file.toString())),
				workDir, Map.of("DATABASE_URL", databaseUrl, "SEATLINE_TOKEN", admin), "");
		var csv = new CsvRecords();
		if (Files.isRegularFile(file)) {
			try (var in = Files.newInputStream(file)) {
				in.transferTo(csv);
			}
		}
		var details = figures(seed, csv, run.millis() * 1_000_000, run.peakKib());
		details.put("exit", run.exit());
		boolean ok = run.exit() == 0 && csv.records() == seed.bookings() + 1;
		log.println(("export: the shell's export --file of %d bookings (%d records, %.1f MB, exit %d) in %d ms, "
				+ "peak RSS %.0f MiB").formatted(seed.bookings(), csv.records(), csv.bytes() / 1e6, run.exit(),
						run.millis(), Rss.mib(run.peakKib())));
		if (!ok) {
			log.println("export: the shell said: " + run.output() + "; see "
					+ workDir.resolve("export-shell-error.log"));
		}
		return measurement("shell: export --file (wall time, peak RSS)", run.millis() * 1_000_000L, run.peakKib(), ok,
				run.cpu(), details);
	}

	private static LinkedHashMap<String, Object> figures(BookingSeed seed, CsvRecords csv, long nanos, long peakKib) {
		var details = new LinkedHashMap<String, Object>();
		details.put("bookings", seed.bookings());
		details.put("records", csv.records());
		details.put("bytes", csv.bytes());
		details.put("rowsPerSecond", rowsPerSecond(csv, nanos));
		details.put("rssPeakMb", Rss.mib(peakKib));
		return details;
	}

	private static double rowsPerSecond(CsvRecords csv, long nanos) {
		return (nanos <= 0) ? 0 : Math.max(0, csv.records() - 1) * 1e9 / nanos;
	}

	/** One line: the time in every latency column, the peak memory, and rows per second as its rate. */
	private static Measurement measurement(String variant, long nanos, long peakKib, boolean ok, Cpu cpu,
			Map<String, Object> details) {
		var once = Measurement.once(Scenario.EXPORT.label(), variant, nanos / 1e6, Rss.mib(peakKib), ok, cpu, details);
		return new Measurement(once.scenario(), once.variant(), once.clients(), once.requests(),
				(double) details.get("rowsPerSecond"), 0, once.p50Millis(), once.p99Millis(), once.maxMillis(), 0, 0,
				once.otherErrors(), once.statuses(), once.rssPeakMb(), once.cpu(), once.details());
	}
}
