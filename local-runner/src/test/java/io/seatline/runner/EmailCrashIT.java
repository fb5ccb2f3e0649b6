package io.seatline.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real runner processes, really killed with SIGKILL, on one SQLite file, with a real SMTP server (GreenMail): a
 * committed booking's email survives the crash and is delivered exactly once by the next process.
 */
class EmailCrashIT {

	private static final String ADMIN_PASSWORD = "admin-password-1";

	private GreenMail smtp;

	private int smtpPort;

	private String database;

	private final List<RunnerProcess> processes = new ArrayList<>();

	@BeforeEach
	void smtpAndDatabase() throws IOException {
		this.smtpPort = RunnerProcess.freePort();
		this.smtp = new GreenMail(new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		this.database = "jdbc:sqlite:target/test-databases/crash-" + UUID.randomUUID() + ".db";
	}

	@AfterEach
	void stopAll() throws Exception {
		for (var process : this.processes) {
			process.close();
		}
		this.smtp.stop();
	}

	@Test
	void aBookingCommittedBeforeTheProcessIsKilledIsEmailedOnceByTheNextProcess() throws Exception {
		// the first process only schedules: the job is in the database when the process dies
		var first = start("crash-before-job", this.smtpPort, Map.of("seatline.jobs.worker", "false"));
		var bookingId = bookOneSeat(first, "before");
		assertThat(first.kill()).as("killed by SIGKILL").isEqualTo(137);
		assertThat(this.smtp.getReceivedMessages()).isEmpty();

		var second = start("after-crash-1", this.smtpPort, Map.of());
		var started = Instant.now();
		awaitEmail(bookingId, Duration.ofSeconds(30));
		System.out.printf("CRASH before the job: the next process delivered the confirmation %d ms after it was up%n",
				Duration.between(started, Instant.now()).toMillis());
		// several polls later there is still exactly one copy
		Thread.sleep(5000);
		assertThat(copiesOf(bookingId)).isOne();
		second.close();
	}

	@Test
	void aProcessKilledWhileSendingLeavesTheEmailToTheNextProcessWhichSendsItOnce() throws Exception {
		try (var stalling = new StallingSmtpServer()) {
			var first = start("crash-mid-send", stalling.port(), Map.of());
			var bookingId = bookOneSeat(first, "mid");
			stalling.awaitConnection(Duration.ofSeconds(30));
			assertThat(first.kill()).isEqualTo(137);

			// the next process finds the execution its dead owner left, once it missed its heartbeats
			var second = start("after-crash-2", this.smtpPort, Map.of("seatline.jobs.heartbeat-interval", "1s"));
			var started = Instant.now();
			awaitEmail(bookingId, Duration.ofSeconds(60));
			System.out.printf("CRASH mid-send: the next process delivered the confirmation %d ms after it was up%n",
					Duration.between(started, Instant.now()).toMillis());
			Thread.sleep(5000);
			assertThat(copiesOf(bookingId)).isOne();
			measureLatency(second);
		}
	}

	/**
	 * Time from a booking's 200 reply to its email in GreenMail, with the default polling interval (2 s): booked in the
	 * worker's own process (nudged at commit) and in a process without a worker (found by polling).
	 */
	private void measureLatency(RunnerProcess worker) throws Exception {
		var sameProcess = new ArrayList<Long>();
		for (int i = 0; i < 7; i++) {
			var bookingId = bookOneSeat(worker, "lat" + i);
			var booked = System.nanoTime();
			awaitEmail(bookingId, Duration.ofSeconds(30));
			sameProcess.add((System.nanoTime() - booked) / 1_000_000);
		}
		var scheduler = start("schedule-only", this.smtpPort, Map.of("seatline.jobs.worker", "false"));
		var otherProcess = new ArrayList<Long>();
		for (int i = 0; i < 7; i++) {
			var bookingId = bookOneSeat(scheduler, "far" + i);
			var booked = System.nanoTime();
			awaitEmail(bookingId, Duration.ofSeconds(30));
			otherProcess.add((System.nanoTime() - booked) / 1_000_000);
		}
		System.out.printf("EMAIL LATENCY booked and sent by one process: median %d ms of %s%n", median(sameProcess),
				sameProcess);
		System.out.printf("EMAIL LATENCY booked by a process without worker, sent by another polling every 2 s: "
				+ "median %d ms of %s%n", median(otherProcess), otherProcess);
		assertThat(median(otherProcess)).isLessThan(10_000);
	}

	private RunnerProcess start(String name, int mailPort, Map<String, String> settings) throws Exception {
		var process = RunnerProcess.start(name,
				Map.of("DATABASE_URL", this.database, "ADMIN_PASSWORD", ADMIN_PASSWORD, "MAIL_SERVER", "127.0.0.1",
						"MAIL_PORT", Integer.toString(mailPort)),
				settings);
		this.processes.add(process);
		return process;
	}

	private String bookOneSeat(RunnerProcess runner, String tag) {
		var http = runner.http();
		var admin = http.login("admin", ADMIN_PASSWORD);
		var venue = http.post("createVenue", "{\"name\":\"Crash Hall " + tag + UUID.randomUUID() + "\",\"capacity\":5}",
				admin).json().get("venueId").asString();
		var event = http.post("createEvent", "{\"venueId\":\"" + venue + "\",\"name\":\"Crash " + tag
				+ "\",\"startsAt\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"}", admin).json().get("eventId")
			.asString();
		var user = http.newUser("crash" + tag + UUID.randomUUID().toString().substring(0, 8));
		var reply = http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"1\"]}", user);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("bookingId").asString();
	}

	private void awaitEmail(String bookingId, Duration timeout) throws InterruptedException {
		await(() -> copiesOf(bookingId) > 0, timeout);
	}

	private long copiesOf(String bookingId) {
		var messageId = "<booking-confirmed." + bookingId + "@localhost>";
		return Arrays.stream(this.smtp.getReceivedMessages()).filter((message) -> messageId.equals(id(message))).count();
	}

	private static String id(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		var deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static long median(List<Long> values) {
		var sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** An SMTP port that accepts connections and never says a word: a send in progress when the process dies. */
	private static final class StallingSmtpServer implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0);

		private final List<Socket> connections = new CopyOnWriteArrayList<>();

		private final Thread acceptor;

		StallingSmtpServer() throws IOException {
			this.acceptor = new Thread(() -> {
				while (!this.server.isClosed()) {
					try {
						this.connections.add(this.server.accept());
					}
					catch (IOException closed) {
						return;
					}
				}
			});
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		void awaitConnection(Duration timeout) throws InterruptedException {
			await(() -> !this.connections.isEmpty(), timeout);
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (var connection : this.connections) {
				connection.close();
			}
		}
	}
}
