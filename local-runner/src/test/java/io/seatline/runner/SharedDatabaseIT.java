package io.seatline.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two hosts on one SQLite file at once: this runner, in-process, and the packaged shell jar as a process (it is
 * built before this module: this module's test dependency on the shell orders the reactor). A booking made in one
 * is seen by the other, and both keep working while the other writes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ADMIN_PASSWORD=" + SharedDatabaseIT.PASSWORD)
class SharedDatabaseIT {

	static final String PASSWORD = "shared-admin-pass-1";

	private static final Path FOLDER = Path.of("target", "it-shared-" + UUID.randomUUID()).toAbsolutePath();

	private static final String DATABASE_URL = "jdbc:sqlite:" + FOLDER.resolve("booking.db");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		properties.add("DATABASE_URL", () -> DATABASE_URL);
		properties.add("seatline.jobs.outbox-dir", () -> FOLDER.resolve("outbox").toString());
	}

	@Test
	void bookingsMadeInEitherHostAreSeenByTheOtherWhileBothWrite() throws Exception {
		var token = post("login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", null).path("token")
			.asString();
		var venue = post("createVenue", "{\"name\":\"Shared Hall\",\"rows\":4,\"seatsPerRow\":20}", token)
			.path("venueId")
			.asString();
		var event = post("createEvent",
				"{\"venueId\":\"" + venue + "\",\"name\":\"Both\",\"startsAt\":\"2033-01-01T20:00:00Z\","
						// one account books the whole of row A and more
						+ "\"maxSeatsPerAccount\":80}",
				token)
			.path("eventId")
			.asString();
		post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"B1\"]}", token);

		// the shell draws the runner's booking, then books row A seat by seat while the runner books and cancels
		var script = FOLDER.resolve("book-row-a.txt");
		Files.createDirectories(FOLDER);
		var lines = new ArrayList<>(List.of("seats " + event));
		IntStream.rangeClosed(1, 20).forEach((seat) -> lines.add("book " + event + " A" + seat));
		Files.write(script, lines, StandardCharsets.UTF_8);
		var shell = startShell(token, "@" + script);
		var shellRunning = new AtomicBoolean(true);
		var runnerWrites = CompletableFuture.supplyAsync(() -> bookAndCancelUntil(shellRunning, event, token));
		var finished = shell.process().waitFor(3, TimeUnit.MINUTES);
		shellRunning.set(false);
		assertThat(finished).as("the shell finished").isTrue();
		int cycles = runnerWrites.get(1, TimeUnit.MINUTES);

		var stdout = Files.readString(shell.stdout(), StandardCharsets.UTF_8);
		assertThat(shell.process().exitValue()).as(Files.readString(shell.stderr())).isZero();
		assertThat(stdout).contains("B   X  .  .");
		assertThat(stdout.lines().filter((line) -> line.startsWith("Booked A"))).hasSize(20);
		assertThat(cycles).isPositive();

		var seats = post("eventSeats", "{\"eventId\":\"" + event + "\"}", null).path("seats");
		for (var seat : seats) {
			var label = seat.path("seat").asString();
			var expected = (label.startsWith("A") || label.equals("B1")) ? "BOOKED" : "AVAILABLE";
			assertThat(seat.path("status").asString()).as(label).isEqualTo(expected);
		}
		// the runner kept writing from before the shell's first booking to after its last one, and every call of
		// both succeeded (SQLite commits one writer at a time, in no promised order, so no finer interleaving is
		// asserted)
		var shellTimes = new ArrayList<Instant>();
		var runnerTimes = new ArrayList<Instant>();
		for (var booking : post("myBookings", "{}", token)) {
			var time = Instant.parse(booking.path("createdAt").asString());
			(booking.path("seats").get(0).asString().startsWith("A") ? shellTimes : runnerTimes).add(time);
		}
		var first = shellTimes.stream().min(Instant::compareTo).orElseThrow();
		var last = shellTimes.stream().max(Instant::compareTo).orElseThrow();
		assertThat(runnerTimes).anyMatch((time) -> time.isBefore(first)).anyMatch((time) -> time.isAfter(last));
	}

	/**
	 * Books and cancels one seat of rows C and D after another until the shell is done, and a few times more; every
	 * call must succeed.
	 */
	private int bookAndCancelUntil(AtomicBoolean shellRunning, String event, String token) {
		int cycles = 0;
		int after = 0;
		while ((shellRunning.get() || after++ < 3) && cycles < 2000) {
			var seat = ((cycles % 40 < 20) ? "C" : "D") + (cycles % 20 + 1);
			try {
				var booking = post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"" + seat + "\"]}",
						token);
				post("cancelBooking", "{\"bookingId\":\"" + booking.path("bookingId").asString() + "\"}", token);
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			cycles++;
		}
		return cycles;
	}

	private JsonNode post(String function, String body, String token) {
		return new Api(this.port).ok(function, body, token);
	}

	private static Shell startShell(String token, String... arguments) throws IOException {
		var jar = Path.of(System.getProperty("seatline.shell.jar", "../shell/target/seatline-shell.jar"))
			.toAbsolutePath();
		assertThat(jar).as("the packaged shell, built before this module").isRegularFile();
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString()));
		command.addAll(List.of(arguments));
		var stdout = FOLDER.resolve("shell-stdout.txt");
		var stderr = FOLDER.resolve("shell-stderr.txt");
		var builder = new ProcessBuilder(command).directory(FOLDER.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().remove("SEATLINE_PASSWORD");
		builder.environment().put("DATABASE_URL", DATABASE_URL);
		builder.environment().put("SEATLINE_TOKEN", token);
		return new Shell(builder.start(), stdout, stderr);
	}

	private record Shell(Process process, Path stdout, Path stderr) {
	}
}
