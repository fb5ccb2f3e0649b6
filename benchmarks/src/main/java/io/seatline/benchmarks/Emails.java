package io.seatline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code email}: N bookings, N confirmation emails delivered to a real SMTP server (GreenMail, in this process) by a
 * runner of its own. Measures from each booking's {@code 200} reply to its email's arrival, and emails per second
 * from the first booking to the last arrival. While the worker keeps up, that rate is the booking rate of its
 * clients; {@link #measureDrain} measures the worker alone, on a backlog.
 */
final class Emails {

	private static final int CLIENTS = 4;

	private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);

	private final Options options;

	private final Build build;

	private final Map<String, Long> repliedAt = new ConcurrentHashMap<>();

	private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();

	private Emails(Options options, Build build) {
		this.options = options;
		this.build = build;
	}

	static Measurement measure(Options options, Build build, String databaseUrl, Path workDir, PrintStream log)
			throws Exception {
		return new Emails(options, build).run(databaseUrl, workDir, log);
	}

	/**
	 * {@code email drain}: N bookings made with the email worker off, then a runner with the worker on starts on that
	 * backlog. Measures emails per second from the first arrival to the last, and when each email arrived counted
	 * from the first.
	 */
	static Measurement measureDrain(Options options, Build build, String databaseUrl, Path workDir, PrintStream log)
			throws Exception {
		return new Emails(options, build).drain(databaseUrl, workDir, log);
	}

	private Measurement drain(String databaseUrl, Path workDir, PrintStream log) throws Exception {
		try (var mailbox = Mailbox.start()) {
			log.println("email drain: " + this.options.emails() + " bookings with the worker off, then a runner with it on");
			var environment = new HashMap<>(mailbox.environment());
			environment.put("SEATLINE_JOBS_WORKER", "false");
			try (var stage = Stage.open(this.options, this.build, 1, databaseUrl, workDir, CLIENTS, environment)) {
				book(stage, stage.createEvent());
				stage.runner(0).close();
				var watcher = new Thread(() -> watch(mailbox), "smtp-watcher");
				watcher.setDaemon(true);
				watcher.start();
				stage.restart(0, Map.of("SEATLINE_JOBS_WORKER", "true"));
				stage.startMeasuring();
				long up = System.nanoTime();
				long deadline = up + DELIVERY_TIMEOUT.toNanos();
				while (!this.arrivedAt.keySet().containsAll(this.repliedAt.keySet()) && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				watcher.interrupt();
				var arrivals = this.repliedAt.keySet().stream().map(this.arrivedAt::get).filter(Objects::nonNull)
					.mapToLong(Long::longValue).sorted().toArray();
				long missing = this.repliedAt.size() - arrivals.length;
				// how far into the drain each email arrived: its p99 is about the whole drain's length
				long firstArrival = (arrivals.length > 0) ? arrivals[0] : up;
				var waits = Arrays.stream(arrivals).map((arrived) -> arrived - firstArrival).toArray();
				long span = (arrivals.length > 1) ? arrivals[arrivals.length - 1] - arrivals[0] : 1;
				var samples = new Samples(waits, Map.of(200, (long) arrivals.length), 0, Math.max(1, span));
				double rate = (arrivals.length > 1) ? (arrivals.length - 1) * 1e9 / span : 0;
				log.println("email drain: %d of %d delivered, %.1f emails/s from the first arrival to the last"
					.formatted(arrivals.length, this.repliedAt.size(), rate));
				var details = new LinkedHashMap<String, Object>();
				details.put("bookings", this.repliedAt.size());
				details.put("delivered", arrivals.length);
				details.put("missing", missing);
				var measurement = new Measurement(Scenario.EMAIL.label(), "backlog drained (ms into the drain)",
						CLIENTS, this.repliedAt.size(), rate, 0, samples.percentileMillis(50),
						samples.percentileMillis(99), samples.maxMillis(), 0, 0, missing,
						Map.of("200", (long) arrivals.length, "-1", missing), stage.peakRssMb(), stage.cpu(), details);
				stage.close();
				var integrity = Integrity.check(databaseUrl, stage.confirmedSeats());
				log.println(integrity.summary());
				measurement.details().put("integrityPassed", integrity.passed());
				return measurement;
			}
		}
	}

	private Measurement run(String databaseUrl, Path workDir, PrintStream log) throws Exception {
		try (var mailbox = Mailbox.start()) {
			log.println("email: a runner sending to GreenMail on port " + mailbox.port() + ", " + this.options.emails()
					+ " bookings by " + CLIENTS + " clients");
			try (var stage = Stage.open(this.options, this.build, 1, databaseUrl, workDir, CLIENTS,
					mailbox.environment())) {
				var event = stage.createEvent();
				var watcher = new Thread(() -> watch(mailbox), "smtp-watcher");
				watcher.setDaemon(true);
				watcher.start();
				stage.startMeasuring();
				long first = System.nanoTime();
				book(stage, event);
				long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
				while (!this.arrivedAt.keySet().containsAll(this.repliedAt.keySet()) && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				watcher.interrupt();
				var measurement = measurement(first, stage);
				log.println("email: %s of %s delivered, %.1f emails/s; booking reply to delivery p50 %.0f, p95 %.0f ms"
					.formatted(measurement.details().get("delivered"), measurement.details().get("bookings"),
							measurement.perSecond(), measurement.p50Millis(), measurement.details().get("p95Millis")));
				stage.close();
				var integrity = Integrity.check(databaseUrl, stage.confirmedSeats());
				log.println(integrity.summary());
				measurement.details().put("integrityPassed", integrity.passed());
				return measurement;
			}
		}
	}

	/** Books one free seat per request, seat after seat, so that every booking succeeds. */
	private void book(Stage stage, String event) throws Exception {
		var seats = stage.seats().all();
		var next = new AtomicInteger();
		var threads = new ArrayList<Thread>();
		var failures = new ArrayList<Exception>();
		for (int client = 0; client < CLIENTS; client++) {
			int index = client;
			var thread = new Thread(() -> {
				try (var api = new SeatlineApi(stage.endpoint(index))) {
					for (int i = next.getAndIncrement(); i < this.options.emails(); i = next.getAndIncrement()) {
						var seat = seats.get(i % seats.size()).label();
						var reply = api.require("reserveSeats", SeatlineApi.reservation(event, List.of(seat)),
								stage.user(index));
						this.repliedAt.put(reply.get("bookingId").asString(), System.nanoTime());
						stage.confirmed(1);
					}
				}
				catch (Exception ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			}, "email-client");
			threads.add(thread);
			thread.start();
		}
		for (var thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
	}

	/** Notes when each confirmation first appears at the SMTP server, by its Message-ID. */
	private void watch(Mailbox mailbox) {
		while (!Thread.currentThread().isInterrupted()) {
			long now = System.nanoTime();
			mailbox.confirmations().keySet().forEach(booking -> this.arrivedAt.putIfAbsent(booking, now));
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private Measurement measurement(long first, Stage stage) {
		var latencies = new ArrayList<Long>();
		long last = first;
		for (var booking : this.repliedAt.entrySet()) {
			var arrived = this.arrivedAt.get(booking.getKey());
			if (arrived != null) {
				latencies.add(Math.max(0, arrived - booking.getValue()));
				last = Math.max(last, arrived);
			}
		}
		var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		var samples = new Samples(sorted, Map.of(200, (long) sorted.length), 0, Math.max(1, last - first));
		long missing = this.repliedAt.size() - sorted.length;
		var details = new LinkedHashMap<String, Object>();
		details.put("bookings", this.repliedAt.size());
		details.put("delivered", sorted.length);
		details.put("missing", missing);
		details.put("p95Millis", samples.percentileMillis(95));
		return new Measurement(Scenario.EMAIL.label(), "booking reply to email delivered", CLIENTS,
				this.repliedAt.size(), samples.rate(200), 0, samples.percentileMillis(50), samples.percentileMillis(99),
				samples.maxMillis(), 0, 0, missing, Map.of("200", (long) sorted.length, "-1", missing),
				stage.peakRssMb(), stage.cpu(), details);
	}
}
