package io.seatline.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged shell's {@code invoke --url} against this runner over real HTTP: the runner's JSON on stdout, its
 * error JSON on stderr with the exit status a local call has, and no database opened by the shell (its
 * {@code DATABASE_URL} names a file it could not even create).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ADMIN_PASSWORD=" + ShellOverHttpIT.PASSWORD)
class ShellOverHttpIT {

	static final String PASSWORD = "over-http-admin-1";

	private static final Path FOLDER = Path.of("target", "it-shell-http-" + UUID.randomUUID()).toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private String token;

	private String event;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		properties.add("DATABASE_URL", () -> "jdbc:sqlite:" + FOLDER.resolve("runner.db"));
		properties.add("seatline.jobs.outbox-dir", () -> FOLDER.resolve("outbox").toString());
	}

	@BeforeEach
	void anEventWithOneSeatTaken() {
		var api = new Api(this.port);
		this.token = api.ok("login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", null)
			.path("token")
			.asString();
		var venue = api.ok("createVenue", "{\"name\":\"Http Hall " + UUID.randomUUID() + "\",\"rows\":1,\"seatsPerRow\":4}",
				this.token)
			.path("venueId")
			.asString();
		this.event = api.ok("createEvent", "{\"venueId\":\"" + venue
				+ "\",\"name\":\"Over the wire\",\"startsAt\":\"2033-02-01T20:00:00Z\"}", this.token)
			.path("eventId")
			.asString();
		api.ok("reserveSeats", "{\"eventId\":\"" + this.event + "\",\"seats\":[\"A4\"]}", this.token);
	}

	@Test
	void invokeWithAUrlWritesTheRunnersJsonAndOpensNoDatabase() throws Exception {
		var run = shell(Map.of(), "{\"eventId\":\"" + this.event + "\"}", "invoke", "eventSeats", "--url", url());
		assertThat(run.exit()).as(run.stderr()).isZero();
		assertThat(run.stderr()).isEmpty();
		var seats = JSON.readTree(run.stdout());
		assertThat(seats.path("eventId").asString()).isEqualTo(this.event);
		assertThat(seats.path("seats").get(3).toString())
			.isEqualTo("{\"seat\":\"A4\",\"status\":\"BOOKED\",\"category\":\"Standard\",\"price\":0}");
		// the shell's own default database would be ./data/booking.db of its working folder
		assertThat(FOLDER.resolve("shell").resolve("data")).doesNotExist();
	}

	@Test
	void theUrlAndTheTokenMayComeFromTheEnvironmentAndCompositionsWork() throws Exception {
		var run = shell(Map.of("SEATLINE_URL", url() + "/", "SEATLINE_TOKEN", this.token),
				"{\"eventId\":\"" + this.event + "\",\"seats\":[\"A1\",\"A2\"]}", "invoke", "reserveSeats|cancelBooking");
		assertThat(run.exit()).as(run.stderr()).isZero();
		var cancelled = JSON.readTree(run.stdout());
		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("seats").toString()).isEqualTo("[\"A1\",\"A2\"]");
	}

	@Test
	void aRefusalIsTheRunnersErrorJsonWithTheLocalExitStatus() throws Exception {
		var taken = shell(Map.of(), "", "invoke", "reserveSeats", "--url", url(), "--token", this.token, "--body",
				"{\"eventId\":\"" + this.event + "\",\"seats\":[\"A3\",\"A4\"]}");
		assertThat(taken.exit()).isEqualTo(6);
		assertThat(taken.stdout()).isEmpty();
		var error = JSON.readTree(taken.stderr());
		assertThat(error.path("error").asString()).isEqualTo("SEATS_UNAVAILABLE");
		assertThat(error.path("seats").toString()).isEqualTo("[\"A4\"]");

		var anonymous = shell(Map.of(), "{}", "invoke", "myBookings", "--url", url());
		assertThat(anonymous.exit()).isEqualTo(3);
		assertThat(JSON.readTree(anonymous.stderr()).path("error").asString()).isEqualTo("UNAUTHENTICATED");

		var unknown = shell(Map.of(), "{\"eventId\":\"nosuchevent00\"}", "invoke", "eventSeats", "--url", url());
		assertThat(unknown.exit()).isEqualTo(5);
		assertThat(JSON.readTree(unknown.stderr()).path("error").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void aBookingSentTwiceWithItsIdempotencyKeyIsMadeOnceAndAnsweredAlike() throws Exception {
		var body = "{\"eventId\":\"" + this.event + "\",\"seats\":[\"A2\"]}";
		var key = "over-http-" + UUID.randomUUID();
		var first = shell(Map.of(), "", "invoke", "reserveSeats", "--url", url(), "--token", this.token, "--body", body,
				"--idempotency-key", key);
		assertThat(first.exit()).as(first.stderr()).isZero();
		var again = shell(Map.of(), "", "invoke", "reserveSeats", "--url", url(), "--token", this.token, "--body", body,
				"--idempotency-key=" + key);
		assertThat(again.exit()).as(again.stderr()).isZero();
		assertThat(again.stdout()).isEqualTo(first.stdout());
		var other = shell(Map.of(), "", "invoke", "reserveSeats", "--url", url(), "--token", this.token, "--body",
				"{\"eventId\":\"" + this.event + "\",\"seats\":[\"A3\"]}", "--idempotency-key", key);
		assertThat(other.exit()).isEqualTo(6);
		assertThat(JSON.readTree(other.stderr()).path("error").asString()).isEqualTo("CONFLICT");
	}

	@Test
	void withoutATokenTheLoginKeptForTheRunnersDatabaseIsSent() throws Exception {
		var environment = Map.of("DATABASE_URL", "jdbc:sqlite:" + FOLDER.resolve("runner.db"), "SEATLINE_CONFIG_DIR",
				FOLDER.resolve("config-" + UUID.randomUUID()).toString(), "SEATLINE_PASSWORD", PASSWORD);
		var login = shell(environment, "", "login", "admin");
		assertThat(login.exit()).as(login.stderr()).isZero();
		var who = shell(environment, "{}", "invoke", "currentUser", "--url", url());
		assertThat(who.exit()).as(who.stderr()).isZero();
		assertThat(JSON.readTree(who.stdout()).path("username").asString()).isEqualTo("admin");
	}

	@Test
	void theCsvExportComesAsText() throws Exception {
		var run = shell(Map.of("SEATLINE_TOKEN", this.token), "{\"eventId\":\"" + this.event + "\"}", "invoke",
				"exportBookings", "--url", url());
		assertThat(run.exit()).as(run.stderr()).isZero();
		assertThat(run.stdout().replace("\uFEFF", "")).startsWith("booking_id,username,event,event_date,seats,booked_at,status")
			.contains(",admin,Over the wire,");
	}

	@Test
	void aRunnerThatDoesNotAnswerIsOneLineAndExitNine() throws Exception {
		var run = shell(Map.of(), "{}", "invoke", "browseEvents", "--url",
				"http://localhost:" + RunnerProcess.freePort());
		assertThat(run.exit()).isEqualTo(9);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr().strip().lines()).hasSize(1);
		assertThat(JSON.readTree(run.stderr()).path("error").asString()).isEqualTo("UNREACHABLE");
	}

	private String url() {
		return "http://localhost:" + this.port;
	}

	/** The packaged shell as a process; its DATABASE_URL is a file under a missing folder of /proc: never openable. */
	private static Run shell(Map<String, String> environment, String stdin, String... arguments) throws Exception {
		var jar = Path.of(System.getProperty("seatline.shell.jar", "../shell/target/seatline-shell.jar")).toAbsolutePath();
		assertThat(jar).as("the packaged shell, built before this module").isRegularFile();
		var folder = Files.createDirectories(FOLDER.resolve("shell"));
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString()));
		command.addAll(List.of(arguments));
		var stdout = Files.createTempFile(FOLDER, "stdout", ".txt");
		var stderr = Files.createTempFile(FOLDER, "stderr", ".txt");
		var builder = new ProcessBuilder(command).directory(folder.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		for (var variable : List.of("SEATLINE_URL", "SEATLINE_TOKEN", "SEATLINE_PASSWORD", "ADMIN_PASSWORD")) {
			builder.environment().remove(variable);
		}
		builder.environment().put("DATABASE_URL", "jdbc:sqlite:/proc/no-such-folder/booking.db");
		builder.environment().putAll(environment);
		var process = builder.start();
		try (var input = process.getOutputStream()) {
			input.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the shell finished").isTrue();
		return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
				Files.readString(stderr, StandardCharsets.UTF_8));
	}

	private record Run(int exit, String stdout, String stderr) {
	}
}
