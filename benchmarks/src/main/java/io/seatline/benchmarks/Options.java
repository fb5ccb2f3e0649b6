package io.seatline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one invocation measures and how long; read from the command line.
 *
 * @param duration how long each measurement lasts
 * @param warmup how long each measurement is preceded by the same load, whose results are discarded
 * @param clients the client counts of the floors and of {@code book}
 * @param readClients the client count of the {@code read} scenario
 * @param whileBookingClients the booking clients that run beside the readers of {@code read}
 * @param scenarios the scenarios to run, in the order they run
 * @param runs how many times the whole plan runs, each on a fresh runner and database; medians are reported
 * @param databaseUrl the runner's SQLite database, or a PostgreSQL server on which each run creates new databases, or
 *        {@code null} for fresh SQLite files per run
 * @param embeddedPostgres start an embedded PostgreSQL server and create each run's databases on it
 * @param runners how many runner processes share the database (clients go round-robin)
 * @param rows the rows of the venue
 * @param seatsPerRow the seats of each row
 * @param runnerJar the packaged runner
 * @param shellJar the packaged shell
 * @param outputDir where the results go
 * @param name the base name of the result files ({@code NAME.json}, {@code NAME.txt})
 * @param emails how many bookings the {@code email} scenario makes
 * @param exportBookings how many bookings the {@code export} scenario writes into its database and exports
 * @param smoke tiny sizes, for a test that only proves every scenario still runs
 * @param chartsFrom a results file to draw the charts of, instead of measuring
 * @param baseline another build to measure in the same invocation, run for run, or {@code null}
 * @param crashTest run the crash test ({@link CrashTest}) instead of the benchmark
 * @param kills how many times the crash test kills the runner
 * @param seed the seed of the crash test's kill moments and seat picks
 */
record Options(Duration duration, Duration warmup, List<Integer> clients, int readClients, int whileBookingClients,
		Set<Scenario> scenarios, int runs, String databaseUrl, boolean embeddedPostgres, int runners, int rows,
		int seatsPerRow, Path runnerJar, Path shellJar, Path outputDir, String name, int emails, int exportBookings,
		boolean smoke, Path chartsFrom, Build baseline, boolean crashTest, int kills, long seed) {

	static final String USAGE = """
			Usage: java -jar seatline-benchmarks.jar [options]
			  --duration 10s          each measurement (ms, s, m)
			  --warmup 5s             the same load before each measurement, discarded
			  --clients 1,16,64       client counts of floor-http and book
			  --read-clients 16       clients of the read scenario
			  --while-booking 64      booking clients beside the readers of read
			  --scenarios LIST        any of %s (default: all)
			  --runs 1                each run starts a fresh runner on a fresh database; medians are reported
			  --database-url URL      jdbc:sqlite:FILE: the runners' database (default: fresh SQLite files per run);
			                          jdbc:postgresql://HOST:PORT/DB?user=U&password=P: a server on which every
			                          run creates new databases (the user needs CREATEDB)
			  --postgres-embedded     start PostgreSQL (embedded binaries) and create every run's databases on it
			  --runners 1             runner processes on the one database, clients round-robin
			  --rows 100 --seats-per-row 200   the venue (20,000 seats)
			  --emails 200            bookings of the email scenario
			  --export-bookings 100000  bookings the export scenario writes into its database (SQL) and exports
			  --runner-jar PATH       default local-runner/target/seatline-runner.jar
			  --shell-jar PATH        default shell/target/seatline-shell.jar
			  --output DIR            default docs/benchmarks
			  --name NAME             result files NAME.json and NAME.txt (default results)
			  --smoke                 tiny sizes and 1 s phases: proves every scenario runs, measures nothing
			  --charts FILE.json      only draw the PNG charts of earlier results, beside that file
			  --baseline-runner-jar PATH --baseline-shell-jar PATH
			                          also measure another build, alternating with this one run by run (same
			                          machine, same moment), and compare the two

			Usage: java -jar seatline-benchmarks.jar --crash-test [options]
			  --crash-test            instead of measuring: booking load on one runner, killed with SIGKILL at
			                          random moments and restarted on the same database, then checked (default
			                          --clients 16 --rows 50 --seats-per-row 100 --name crash)
			  --kills 20              how many times the runner is killed
			  --seed N                the kill moments and seat picks (default: random, printed)
			  also --clients N, --database-url, --postgres-embedded, --rows, --seats-per-row, --runner-jar,
			  --output, --name (writes NAME.txt)
			""".formatted(Scenario.names());

	static Options parse(String... args) {
		var builder = new Builder();
		// first, so that its defaults give way to the options given, wherever they stand
		if (Arrays.asList(args).contains("--crash-test")) {
			builder.crashTest();
		}
		for (int i = 0; i < args.length; i++) {
			var option = args[i];
			if (option.equals("--crash-test")) {
				continue;
			}
			if (option.equals("--smoke")) {
				builder.smoke();
				continue;
			}
			if (option.equals("--postgres-embedded")) {
				builder.embeddedPostgres = true;
				continue;
			}
			if (option.equals("--help") || option.equals("-h")) {
				throw new IllegalArgumentException("");
			}
			if (!USAGE.contains(option + " ")) {
				throw new IllegalArgumentException("Unknown option " + option);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Option " + option + " needs a value");
			}
			builder.set(option, args[++i]);
		}
		return builder.build();
	}

	/** The highest client count: how many users the runs sign in. */
	int maxClients() {
		return this.clients.stream().mapToInt(Integer::intValue).max().orElse(1);
	}

	/** The build asked for. */
	Build candidate() {
		return new Build(Build.CANDIDATE, this.runnerJar, this.shellJar);
	}

	/** The builds of run {@code run}: the candidate alone, or with the baseline, which goes first in odd runs. */
	List<Build> builds(int run) {
		if (this.baseline == null) {
			return List.of(candidate());
		}
		return (run % 2 == 1) ? List.of(this.baseline, candidate()) : List.of(candidate(), this.baseline);
	}

	boolean runs(Scenario scenario) {
		return this.scenarios.contains(scenario);
	}

	static Duration duration(String text) {
		var value = text.trim().toLowerCase(Locale.ROOT);
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("s")) {
			return Duration.ofMillis((long) (Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
		}
		if (value.endsWith("m")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
		}
		return Duration.ofSeconds(Long.parseLong(value));
	}

	private static final class Builder {

		private Duration duration = Duration.ofSeconds(10);

		private Duration warmup = Duration.ofSeconds(5);

		private List<Integer> clients = List.of(1, 16, 64);

		private int readClients = 16;

		private int whileBookingClients = 64;

		private Set<Scenario> scenarios = new LinkedHashSet<>(Scenario.defaults());

		private int runs = 1;

		private String databaseUrl;

		private boolean embeddedPostgres;

		private int runners = 1;

		private int rows = 100;

		private int seatsPerRow = 200;

		private Path runnerJar = locate("local-runner/target/seatline-runner.jar");

		private Path shellJar = locate("shell/target/seatline-shell.jar");

		private Path outputDir = Path.of("docs", "benchmarks");

		private String name = "results";

		private int emails = 200;

		private int exportBookings = 100_000;

		private boolean smoke;

		private Path chartsFrom;

		private Path baselineRunnerJar;

		private Path baselineShellJar;

		private boolean crashTest;

		private int kills = 20;

		private long seed = new SecureRandom().nextLong();

		void set(String option, String value) {
			switch (option) {
				case "--duration" -> this.duration = duration(value);
				case "--warmup" -> this.warmup = duration(value);
				case "--clients" -> this.clients = integers(value);
				case "--read-clients" -> this.readClients = Integer.parseInt(value);
				case "--while-booking" -> this.whileBookingClients = Integer.parseInt(value);
				case "--scenarios" -> this.scenarios = Scenario.parse(value);
				case "--runs" -> this.runs = Integer.parseInt(value);
				case "--database-url" -> this.databaseUrl = value;
				case "--runners" -> this.runners = Integer.parseInt(value);
				case "--rows" -> this.rows = Integer.parseInt(value);
				case "--seats-per-row" -> this.seatsPerRow = Integer.parseInt(value);
				case "--emails" -> this.emails = Integer.parseInt(value);
				case "--export-bookings" -> this.exportBookings = Integer.parseInt(value);
				case "--runner-jar" -> this.runnerJar = Path.of(value);
				case "--shell-jar" -> this.shellJar = Path.of(value);
				case "--output" -> this.outputDir = Path.of(value);
				case "--name" -> this.name = value;
				case "--charts" -> this.chartsFrom = Path.of(value);
				case "--baseline-runner-jar" -> this.baselineRunnerJar = Path.of(value);
				case "--baseline-shell-jar" -> this.baselineShellJar = Path.of(value);
				case "--kills" -> this.kills = Integer.parseInt(value);
				case "--seed" -> this.seed = Long.parseLong(value);
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}

		void smoke() {
			this.smoke = true;
			this.duration = Duration.ofSeconds(1);
			this.warmup = Duration.ofMillis(500);
			this.clients = List.of(1, 4);
			this.readClients = 2;
			this.whileBookingClients = 4;
			this.rows = 10;
			this.seatsPerRow = 20;
			this.emails = 5;
			this.exportBookings = 2_000;
			this.name = "smoke";
		}

		/** A hall of 5,000 seats and 16 buyers: enough overlap for refusals, enough room for 20 rounds. */
		void crashTest() {
			this.crashTest = true;
			this.clients = List.of(16);
			this.rows = 50;
			this.seatsPerRow = 100;
			this.name = "crash";
		}

		Options build() {
			if (this.runs < 1 || this.runners < 1 || this.clients.isEmpty() || this.rows < 1
					|| this.seatsPerRow < 4 || this.kills < 0 || this.exportBookings < 1) {
				throw new IllegalArgumentException(
						"runs, runners, clients, rows, export bookings: at least 1; seats per row: 4; "
								+ "kills: 0 or more");
			}
			return new Options(this.duration, this.warmup, List.copyOf(this.clients), this.readClients,
					this.whileBookingClients, Collections.unmodifiableSet(new LinkedHashSet<>(this.scenarios)),
					this.runs, this.databaseUrl, this.embeddedPostgres, this.runners, this.rows, this.seatsPerRow,
					this.runnerJar, this.shellJar, this.outputDir, this.name, this.emails, this.exportBookings,
					this.smoke, this.chartsFrom,
					(this.baselineRunnerJar == null) ? null : new Build(Build.BASELINE, this.baselineRunnerJar,
							(this.baselineShellJar != null) ? this.baselineShellJar : this.shellJar),
					this.crashTest, this.kills, this.seed);
		}

		private static List<Integer> integers(String value) {
			var list = new ArrayList<Integer>();
			Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty())
				.forEach(part -> list.add(Integer.parseInt(part)));
			return list;
		}

		/** A jar of the build, found from the repository's root or from a module's folder (as tests run). */
		private static Path locate(String path) {
			var fromRoot = Path.of(path);
			var fromModule = Path.of("..").resolve(path);
			return (!Files.exists(fromRoot) && Files.exists(fromModule)) ? fromModule : fromRoot;
		}
	}
}
