package io.seatline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run measures against: the runner processes on one database, the admin's token, a venue, and signed-in users,
 * one per booking client. Clients go round-robin over the runners. A runner can be killed and started again in its
 * place, on the same database (the crash test).
 */
final class Stage implements AutoCloseable {

	static final String ADMIN_PASSWORD = "benchmark-admin-password";

	private static final String USER_PASSWORD = "benchmark-password";

	private final List<RunnerProcess> runners;

	private final Path runnerJar;

	private final Path workDir;

	private final Map<String, String> environment;

	private final String databaseUrl;

	private final SeatPicker seats;

	private final String admin;

	private final String venueId;

	private final List<String> users;

	private final double idleRssMb;

	private final AtomicInteger events = new AtomicInteger();

	private final AtomicLong confirmedSeats = new AtomicLong();

	private final AtomicInteger restarts = new AtomicInteger();

	private volatile Cpu.Snapshot cpuSince;

	private Stage(List<RunnerProcess> runners, Path runnerJar, Path workDir, Map<String, String> environment,
			String databaseUrl, SeatPicker seats, String admin, String venueId, List<String> users, double idleRssMb) {
		this.runners = new CopyOnWriteArrayList<>(runners);
		this.runnerJar = runnerJar;
		this.workDir = workDir;
		this.environment = Map.copyOf(environment);
		this.databaseUrl = databaseUrl;
		this.seats = seats;
		this.admin = admin;
		this.venueId = venueId;
		this.users = users;
		this.idleRssMb = idleRssMb;
	}

	/** Starts {@code runnerCount} runners on the database, creates the venue and signs in {@code users} users. */
	static Stage open(Options options, Build build, int runnerCount, String databaseUrl, Path workDir, int users,
			Map<String, String> environment) throws Exception {
		var runners = new ArrayList<RunnerProcess>();
		try {
			var env = new HashMap<>(environment);
			env.put("DATABASE_URL", databaseUrl);
			env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
			// the first runner creates the schema; the others start on it
			for (int i = 0; i < runnerCount; i++) {
				runners.add(RunnerProcess.start(build.runnerJar(), workDir, "runner-" + (i + 1), env));
			}
			var seats = new SeatPicker(options.rows(), options.seatsPerRow());
			try (var api = new SeatlineApi(runners.get(0).endpoint())) {
				var admin = api.login("admin", ADMIN_PASSWORD);
				var venueId = api.createVenue(admin, "Benchmark Hall", seats.rows(), seats.seatsPerRow());
				var tokens = signIn(runners.get(0).endpoint(), users);
				// the idle figure: after start and setup, with nothing running
				Thread.sleep(1000);
				double idle = runners.stream().mapToDouble(runner -> Rss.mib(Rss.kib(runner.pid()))).max().orElse(0);
				return new Stage(runners, build.runnerJar(), workDir, env, databaseUrl, seats, admin, venueId, tokens,
						idle);
			}
		}
		catch (Exception ex) {
			for (var runner : runners) {
				runner.close();
			}
			throw ex;
		}
	}

	/**
	 * Kills runner {@code index} with SIGKILL and waits for it to end; returns its exit status (137). Until
	 * {@link #restart} its clients' requests fail.
	 */
	int kill(int index) throws InterruptedException {
		return this.runners.get(index).kill();
	}

	/** Starts a new runner in the place of runner {@code index}, on the same database with the same settings. */
	RunnerProcess restart(int index) throws Exception {
		return restart(index, Map.of());
	}

	/** {@link #restart(int)} with some settings changed. */
	RunnerProcess restart(int index, Map<String, String> changed) throws Exception {
		var environment = new HashMap<>(this.environment);
		environment.putAll(changed);
		var runner = RunnerProcess.start(this.runnerJar, this.workDir,
				"runner-" + (index + 1) + "-restart-" + this.restarts.incrementAndGet(), environment);
		this.runners.set(index, runner);
		return runner;
	}

	RunnerProcess runner(int index) {
		return this.runners.get(index);
	}

	SeatlineApi.Endpoint endpoint(int client) {
		return this.runners.get(client % this.runners.size()).endpoint();
	}

	/** The token of the user that client {@code client} books as. */
	String user(int client) {
		return this.users.get(client % this.users.size());
	}

	/** The username of the user that client {@code client} books as (registered with {@code USERNAME@example.org}). */
	String username(int client) {
		return usernameOf(client % this.users.size());
	}

	SeatPicker seats() {
		return this.seats;
	}

	String databaseUrl() {
		return this.databaseUrl;
	}

	/** Creates a new event of the venue's seats, starting in a year. */
	String createEvent() throws Exception {
		try (var api = new SeatlineApi(endpoint(0))) {
			return api.createEvent(this.admin, this.venueId, "Benchmark event " + this.events.incrementAndGet(),
					Instant.now().plus(365, ChronoUnit.DAYS));
		}
	}

	/** Counts seats that a {@code 200} reply said were sold, warm-ups included: the database must hold as many. */
	void confirmed(int seats) {
		this.confirmedSeats.addAndGet(seats);
	}

	long confirmedSeats() {
		return this.confirmedSeats.get();
	}

	double idleRssMb() {
		return this.idleRssMb;
	}

	/** Milliseconds from its start command (launcher or {@code java -jar}) to the first {@code ping} answered, of the first runner. */
	long startupMillis() {
		return this.runners.get(0).startup().toMillis();
	}

	/** Starts counting the peak memory and the CPU of a measurement. */
	void startMeasuring() {
		this.runners.forEach(runner -> runner.rss().reset());
		this.cpuSince = Cpu.Snapshot.take(this.runners.stream().mapToLong(RunnerProcess::pid).toArray());
	}

	/** Where the CPU went since {@link #startMeasuring()}. */
	Cpu cpu() {
		return (this.cpuSince != null) ? this.cpuSince.since() : Cpu.NONE;
	}

	/** The highest resident memory of any runner since the last reset, in MiB. */
	double peakRssMb() {
		return this.runners.stream().mapToDouble(runner -> runner.rss().peakMib()).max().orElse(0);
	}

	/** Fails when any runner has ended. */
	void requireAlive() {
		this.runners.forEach(RunnerProcess::requireAlive);
	}

	@Override
	public void close() throws InterruptedException {
		for (var runner : this.runners) {
			runner.close();
		}
	}

	private static String usernameOf(int index) {
		return "buyer" + (index + 1);
	}

	private static List<String> signIn(SeatlineApi.Endpoint endpoint, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			var futures = new ArrayList<Future<String>>();
			for (int i = 0; i < count; i++) {
				var username = usernameOf(i);
				futures.add(pool.submit(() -> {
					try (var api = new SeatlineApi(endpoint)) {
						api.register(username, USER_PASSWORD);
						return api.login(username, USER_PASSWORD);
					}
				}));
			}
			var tokens = new ArrayList<String>();
			for (var future : futures) {
				tokens.add(future.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS));
			}
			return tokens;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
