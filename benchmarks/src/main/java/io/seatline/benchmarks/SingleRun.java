package io.seatline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One run of the plan: the floors, then the runner's scenarios on a fresh runner and database, then the checks. */
final class SingleRun {

	private final Options options;

	private final Build build;

	private final int number;

	private final Databases databases;

	private final PrintStream log;

	SingleRun(Options options, Build build, int number, Databases databases, PrintStream log) {
		this.options = options;
		this.build = build;
		this.number = number;
		this.databases = databases;
		this.log = log;
	}

	RunResult execute() throws Exception {
		var workDir = Files.createTempDirectory("seatline-run" + this.number + "-" + this.build.label() + "-");
		var measurements = new ArrayList<Measurement>();
		if (this.options.runs(Scenario.FLOOR_DB)) {
			var floor = this.databases.floor(workDir);
			progress("floor-db: one writer on " + floor.url());
			measurements.add(note(FloorDb.measure(floor, new SeatPicker(this.options.rows(),
					this.options.seatsPerRow()), this.options)));
		}
		Integrity integrity = null;
		RunResult.RunnerFigures runner = null;
		if (this.options.runs(Scenario.FLOOR_HTTP) || this.options.runs(Scenario.READ)
				|| this.options.runs(Scenario.BOOK)) {
			var databaseUrl = this.databases.runnerUrl(workDir, "booking");
			long confirmed;
			progress("starting " + this.options.runners() + " runner(s) on " + databaseUrl);
			try (var stage = Stage.open(this.options, this.build, this.options.runners(), databaseUrl, workDir,
					users(), Map.of())) {
				progress("runner up in %d ms, idle RSS %.0f MiB".formatted(stage.startupMillis(), stage.idleRssMb()));
				measurements.addAll(runnerScenarios(stage));
				confirmed = stage.confirmedSeats();
				runner = new RunResult.RunnerFigures(stage.startupMillis(), stage.idleRssMb(),
						measurements.stream().mapToDouble(Measurement::rssPeakMb).max().orElse(0));
			}
			integrity = Integrity.check(databaseUrl, confirmed);
			progress(integrity.summary());
		}
		if (this.options.runs(Scenario.EMAIL)) {
			var databaseUrl = this.databases.runnerUrl(workDir, "email");
			measurements.add(note(Emails.measure(this.options, this.build, databaseUrl, workDir, this.log)));
			var drainUrl = this.databases.runnerUrl(workDir, "email-drain");
			measurements.add(note(Emails.measureDrain(this.options, this.build, drainUrl, workDir, this.log)));
		}
		if (this.options.runs(Scenario.START)) {
			progress("start: the runner on a new and on an existing database, and one shell invocation");
			var databaseUrl = this.databases.runnerUrl(workDir, "start");
			measurements.addAll(Starts.measure(this.options, this.build, databaseUrl, workDir, this.log));
		}
		if (this.options.runs(Scenario.EXPORT)) {
			progress("export: " + this.options.exportBookings() + " bookings written into a new database, then "
					+ "exported by the runner (GET /admin/export.csv) and by the shell (export --file)");
			var databaseUrl = this.databases.runnerUrl(workDir, "export");
			Exports.measure(this.options, this.build, databaseUrl, workDir, this.log)
				.forEach(measurement -> measurements.add(note(measurement)));
		}
		deleteQuietly(workDir);
		return new RunResult(this.number, this.build.label(), measurements, integrity, runner);
	}

	private List<Measurement> runnerScenarios(Stage stage) throws Exception {
		var measurements = new ArrayList<Measurement>();
		if (this.options.runs(Scenario.FLOOR_HTTP)) {
			for (int clients : this.options.clients()) {
				progress("floor-http: ping at " + clients + " clients");
				measurements.add(note(FloorHttp.measure(stage, clients, this.options)));
				stage.requireAlive();
			}
		}
		if (this.options.runs(Scenario.READ)) {
			progress("read: eventSeats and browseEvents at " + this.options.readClients()
					+ " clients, alone and while booking");
			Reads.measure(stage, this.options).forEach(measurement -> measurements.add(note(measurement)));
			stage.requireAlive();
		}
		if (this.options.runs(Scenario.BOOK)) {
			for (int clients : this.options.clients()) {
				progress("book: reserveSeats at " + clients + " clients");
				measurements.add(note(Bookings.measure(stage, clients, this.options)));
				stage.requireAlive();
			}
		}
		return measurements;
	}

	private int users() {
		return Math.max(this.options.maxClients(), this.options.whileBookingClients());
	}

	private Measurement note(Measurement measurement) {
		this.log.println("  " + Report.line(measurement));
		return measurement;
	}

	private void progress(String message) {
		var build = (this.options.baseline() != null) ? " " + this.build.label() : "";
		this.log.println("[run " + this.number + build + "] " + message);
	}

	static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (Exception ignored) {
			// a temp folder left behind
		}
	}
}
