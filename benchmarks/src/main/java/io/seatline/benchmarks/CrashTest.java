package io.seatline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The crash test ({@code --crash-test}): booking load on a real runner process, which is killed with SIGKILL at
 * {@code --kills} random moments and started again on the same database each time, with one SMTP server (GreenMail,
 * in this process) that outlives them all; then the email jobs drain, the runner stops, and {@link CrashChecks}
 * says whether anything a client was promised got lost. The moments of the kills and each buyer's seat picks come
 * from {@code --seed}; the interleaving of requests and kills is the machine's. Writes what it printed to
 * {@code NAME.txt} in the output folder.
 */
final class CrashTest {

	private static final long SHORTEST_ROUND_MILLIS = 300;

	private static final long LONGEST_ROUND_MILLIS = 3000;

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

	/** How long no email may arrive before the drain gives up waiting for the missing ones. */
	private static final Duration DRAIN_QUIET = Duration.ofSeconds(45);

	/** After the last awaited email: a second copy still on its way is counted too. */
	private static final Duration DRAIN_SETTLE = Duration.ofSeconds(2);

	private final Options options;

	private final PrintStream log;

	private final Random random;

	private CrashTest(Options options, PrintStream log) {
		this.options = options;
		this.log = log;
		this.random = new Random(options.seed());
	}

	/** Runs the test, printing to {@code out} and to {@code NAME.txt}; true when every check passed. */
	static boolean run(Options options, PrintStream out) throws Exception {
		var transcript = new Transcript(out);
		var log = transcript.log();
		log.printf("Seatline crash test %s: kills %d, clients %d, events of %,d seats, seed %d; %d cores, Java %s%n",
				Instant.now(), options.kills(), options.maxClients(), options.rows() * options.seatsPerRow(),
				options.seed(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		var workDir = Files.createTempDirectory("seatline-crash-");
		boolean passed;
		try (var databases = Databases.of(options); var mailbox = Mailbox.start()) {
			passed = new CrashTest(options, log).run(databases.runnerUrl(workDir, "booking"), workDir, mailbox);
		}
		if (passed) {
			SingleRun.deleteQuietly(workDir);
		}
		else {
			log.println("The runners' logs and the database (on SQLite) are kept in " + workDir);
		}
		log.println((passed ? "CRASH TEST PASSED" : "CRASH TEST FAILED") + " (seed " + options.seed() + ")");
		var text = transcript.writeTo(options.outputDir().resolve(options.name() + ".txt"));
		log.println("Wrote " + text);
		return passed;
	}

	private boolean run(String databaseUrl, Path workDir, Mailbox mailbox) throws Exception {
		this.log.println("database " + databaseUrl + "; SMTP: GreenMail on 127.0.0.1:" + mailbox.port()
				+ ", in this process, for all the runners; runner logs in " + workDir);
		var environment = new HashMap<>(mailbox.environment());
		// an email job whose runner was killed in the middle of it is taken over after 6 missed heartbeats: 6 s, not
		// the default 3 min, so that the drain at the end is short
		environment.put("SEATLINE_JOBS_HEARTBEATINTERVAL", "1s");
		// C1 only, as the runner's own fault tests do: it about halves each of the many starts on a small machine
		environment.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
		var exits = new ArrayList<Integer>();
		String why = null;
		CrashLoad load;
		Mailbox.Delivered delivered;
		try (var stage = Stage.open(this.options, this.options.candidate(), 1, databaseUrl, workDir,
				this.options.maxClients(), environment)) {
			var first = stage.runner(0);
			this.log.printf("runner up in %,d ms: pid %d, %s -jar %s%n", first.startup().toMillis(), first.pid(),
					first.command(), this.options.runnerJar());
			var hot = HotEvents.growing(stage::createEvent, stage.seats().capacity());
			try (var running = CrashLoad.start(stage, hot, this.options.maxClients(), this.options.seed())) {
				load = running;
				why = killAndRestart(stage, running, exits);
				if (why == null) {
					long last = round();
					Thread.sleep(last);
					this.log.printf("load stopped %,d ms after the last start%n", last);
				}
			}
			this.log.printf("%,d bookings confirmed to clients, %,d unknown outcomes%n", load.confirmed().size(),
					load.unknown().size());
			if (why == null) {
				drain(databaseUrl, mailbox);
			}
			delivered = mailbox.delivered();
		}
		this.log.println("runner stopped; checking the database and the emails");
		var checks = CrashChecks.check(databaseUrl, load, delivered, exits, why);
		checks.print(this.log);
		return checks.passed();
	}

	/** The kills, each after a random round of load; the reason the test cannot go on, or null. */
	private String killAndRestart(Stage stage, CrashLoad load, List<Integer> exits) throws InterruptedException {
		for (int kill = 1; kill <= this.options.kills(); kill++) {
			long round = round();
			Thread.sleep(round);
			var runner = stage.runner(0);
			try {
				runner.requireAlive();
			}
			catch (IllegalStateException ex) {
				return "before kill " + kill + ", the runner had ended on its own: " + ex.getMessage();
			}
			load.runnerDown();
			int exit = stage.kill(0);
			exits.add(exit);
			long killed = System.nanoTime();
			RunnerProcess next;
			try {
				next = stage.restart(0);
			}
			catch (Exception ex) {
				return "after kill " + kill + ", the runner did not start again: " + ex.getMessage();
			}
			load.runnerUp();
			this.log.printf("kill %2d/%d after %,5d ms of load: pid %d exit %d%s; up again in %,6d ms as pid %d; "
					+ "so far %,d confirmed, %,d unknown%n", kill, this.options.kills(), round, runner.pid(), exit,
					(exit == 137) ? " (SIGKILL)" : "", (System.nanoTime() - killed) / 1_000_000, next.pid(),
					load.confirmed().size(), load.unknown().size());
		}
		return null;
	}

	/**
	 * Waits until every confirmed booking in the database has its email, or no email arrived for
	 * {@link #DRAIN_QUIET}, or {@link #DRAIN_TIMEOUT} passed; then {@link #DRAIN_SETTLE} more.
	 */
	private void drain(String databaseUrl, Mailbox mailbox) throws Exception {
		Set<String> awaited = CrashChecks.confirmedBookings(databaseUrl);
		long started = System.nanoTime();
		long lastArrival = started;
		int seen = mailbox.received();
		while (!mailbox.confirmations().keySet().containsAll(awaited)) {
			long now = System.nanoTime();
			if (mailbox.received() != seen) {
				seen = mailbox.received();
				lastArrival = now;
			}
			if (now - lastArrival > DRAIN_QUIET.toNanos() || now - started > DRAIN_TIMEOUT.toNanos()) {
				this.log.printf("emails: gave up waiting after %,d ms%n", (now - started) / 1_000_000);
				return;
			}
			Thread.sleep(200);
		}
		long waited = (System.nanoTime() - started) / 1_000_000;
		Thread.sleep(DRAIN_SETTLE.toMillis());
		this.log.printf("emails: all %,d confirmed bookings had theirs %,d ms after the load stopped%n", awaited.size(),
				waited);
	}

	/** A random length of load before a kill, from the seed. */
	private long round() {
		return SHORTEST_ROUND_MILLIS + (long) (this.random.nextDouble() * (LONGEST_ROUND_MILLIS - SHORTEST_ROUND_MILLIS));
	}
}
