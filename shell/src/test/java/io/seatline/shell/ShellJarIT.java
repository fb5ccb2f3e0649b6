package io.seatline.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.json.JsonMapper;

import io.seatline.functions.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, run as its own process from a working folder of its own: JSON piped in, checked on stdout,
 * stderr and the exit status. The database is the default {@code ./data/booking.db} of that folder, seeded first.
 */
class ShellJarIT {

	private static final String PASSWORD = "jar-admin-pass-1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path FOLDER = Path.of("target", "it-shell-" + UUID.randomUUID()).toAbsolutePath();

	private static PackagedShell shell;

	private static String token;

	private static String eventId;

	@BeforeAll
	static void seedTheDefaultDatabaseOfTheWorkingFolder() {
		shell = new PackagedShell(FOLDER);
		// the engine in this JVM, on the file the packaged shell will find by default
		try (var context = new SpringApplicationBuilder(SeatlineShell.class)
			.properties("spring.shell.interactive.enabled=false",
					"DATABASE_URL=jdbc:sqlite:" + FOLDER.resolve("data/booking.db"), "ADMIN_PASSWORD=" + PASSWORD)
			.run()) {
			var functions = context.getBean(FunctionInvoker.class);
			token = field(functions, "login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", null,
					"token");
			var venue = field(functions, "createVenue", "{\"name\":\"Jar Hall\",\"rows\":2,\"seatsPerRow\":4}", token,
					"venueId");
			eventId = field(functions, "createEvent", "{\"venueId\":\"" + venue
					+ "\",\"name\":\"Piped\",\"startsAt\":\"2032-03-01T19:00:00+01:00\"}", token, "eventId");
			field(functions, "reserveSeats", "{\"eventId\":\"" + eventId + "\",\"seats\":[\"B4\"]}", token, "bookingId");
		}
	}

	@Test
	void invokeWritesOnlyTheFunctionsJsonToStdout() throws Exception {
		var run = shell.run(Map.of(), "{\"venue\":\"jar\"}", "invoke", "browseEvents");
		assertThat(run.exitStatus()).isZero();
		assertThat(run.stderr()).isEmpty();
		var events = JSON.readTree(run.stdout());
		assertThat(events.size()).isEqualTo(1);
		assertThat(events.get(0).path("eventId").asString()).isEqualTo(eventId);
		assertThat(events.get(0).path("availableSeats").asInt()).isEqualTo(7);
	}

	@Test
	void aCompositionPipesOneFunctionIntoTheNext() throws Exception {
		var run = shell.run(Map.of("SEATLINE_TOKEN", token),
				"{\"eventId\":\"" + eventId + "\",\"seats\":[\"A1\",\"A2\"]}", "invoke", "reserveSeats|cancelBooking");
		assertThat(run.exitStatus()).isZero();
		assertThat(run.stderr()).isEmpty();
		var cancelled = JSON.readTree(run.stdout());
		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("seats").toString()).isEqualTo("[\"A1\",\"A2\"]");
	}

	@Test
	void aRefusalIsTheContractsJsonOnStderrAndNothingOnStdout() throws Exception {
		var run = shell.run(Map.of(), "{\"eventId\":\"" + eventId + "\",\"seats\":[\"A3\",\"B4\"]}", "invoke",
				"reserveSeats", "--token", token);
		assertThat(run.exitStatus()).isEqualTo(6);
		assertThat(run.stdout()).isEmpty();
		var error = JSON.readTree(run.stderr());
		assertThat(error.path("error").asString()).isEqualTo("SEATS_UNAVAILABLE");
		assertThat(error.path("message").asString()).isNotBlank();
		assertThat(error.path("seats").toString()).isEqualTo("[\"B4\"]");
	}

	@Test
	void aScriptSignsInFromStdinAndStopsAtTheFirstFailure() throws Exception {
		var script = FOLDER.resolve("admin.txt");
		Files.writeString(script, """
				login admin
				seats %s
				book %s B4
				whoami
				""".formatted(eventId, eventId), StandardCharsets.UTF_8);
		var run = shell.run(Map.of(), PASSWORD + "\n", "@" + script);
		assertThat(run.exitStatus()).isEqualTo(6);
		assertThat(run.stdout()).contains("Signed in as admin (ADMIN)").contains("B  . . . X").doesNotContain("\nadmin (ADMIN)");
		assertThat(run.stderr()).contains("Error [SEATS_UNAVAILABLE]: These seats are not available: B4")
			.contains("Stopped at " + script + " line 3")
			.doesNotContain("Exception");
	}

	@Test
	void aLoginRunAsOneCommandLastsForTheNextCommandsOnThatDatabaseUntilLogout() throws Exception {
		var config = FOLDER.resolve("config-" + UUID.randomUUID());
		var environment = Map.of("SEATLINE_CONFIG_DIR", config.toString());
		var login = shell.run(environment, PASSWORD + "\n", "login", "admin");
		assertThat(login.exitStatus()).as(login.stderr()).isZero();
		assertThat(login.stdout()).startsWith("Signed in as admin (ADMIN) until ").contains("logout ends it");
		assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		try (var files = Files.list(config)) {
			var saved = files.toList();
			assertThat(saved).hasSize(1);
			assertThat(Files.getPosixFilePermissions(saved.get(0)))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		}
		var whoami = shell.run(environment, "", "whoami");
		assertThat(whoami.stdout().strip()).as(whoami.stderr()).isEqualTo("admin (ADMIN)");
		// another database has a login of its own
		var elsewhere = shell.run(Map.of("SEATLINE_CONFIG_DIR", config.toString(), "DATABASE_URL",
				"jdbc:sqlite:" + FOLDER.resolve("data/other.db"), "ADMIN_PASSWORD", PASSWORD), "", "whoami");
		assertThat(elsewhere.exitStatus()).isEqualTo(3);
		assertThat(elsewhere.stderr()).contains("Error [UNAUTHENTICATED]: Not signed in");
		assertThat(shell.run(environment, "", "logout").stdout().strip()).isEqualTo("Signed out");
		try (var files = Files.list(config)) {
			assertThat(files.toList()).isEmpty();
		}
		var after = shell.run(environment, "", "whoami");
		assertThat(after.exitStatus()).isEqualTo(3);
		assertThat(after.stdout()).isEmpty();
	}

	@Test
	void aSavedLoginEndedElsewhereIsNotSignedInAndForgotten() throws Exception {
		var config = FOLDER.resolve("config-" + UUID.randomUUID());
		var environment = Map.of("SEATLINE_CONFIG_DIR", config.toString());
		assertThat(shell.run(environment, PASSWORD + "\n", "login", "admin").exitStatus()).isZero();
		Path saved;
		try (var files = Files.list(config)) {
			saved = files.findFirst().orElseThrow();
		}
		var token = Files.readAllLines(saved).get(2);
		// the session ends elsewhere: SEATLINE_TOKEN wins over the saved login, and invoke keeps no login
		assertThat(shell.run(Map.of("SEATLINE_CONFIG_DIR", config.toString(), "SEATLINE_TOKEN", token), "{}",
				"invoke", "logout").exitStatus()).isZero();
		assertThat(saved).exists();
		var bookings = shell.run(environment, "", "bookings");
		assertThat(bookings.exitStatus()).isEqualTo(3);
		assertThat(bookings.stderr()).contains("not signed in").doesNotContain("Exception");
		assertThat(saved).doesNotExist();
	}

	@Test
	void everyCommandTakesATokenAndLoginPrintTokenPrintsOnlyIt() throws Exception {
		var printed = shell.run(Map.of(), PASSWORD + "\n", "login", "admin", "--print-token");
		assertThat(printed.exitStatus()).as(printed.stderr()).isZero();
		var token = printed.stdout().strip();
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		var whoami = shell.run(Map.of(), "", "whoami", "--token", token);
		assertThat(whoami.stdout().strip()).as(whoami.stderr()).isEqualTo("admin (ADMIN)");
		assertThat(shell.run(Map.of(), "", "whoami").exitStatus()).isEqualTo(3);
	}

	@Test
	void theEndOfStdinAtThePasswordPromptCancelsQuietly() throws Exception {
		var run = shell.run(Map.of(), "", "login", "admin");
		assertThat(run.exitStatus()).isEqualTo(130);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr()).doesNotContain("Error", "Exception");
	}

	@Test
	void anUnknownOptionIsAUsageErrorWithTheUsageLine() throws Exception {
		var run = shell.run(Map.of(), "", "events", "--bogus", "x");
		assertThat(run.exitStatus()).isEqualTo(2);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr()).contains("there is no option '--bogus'")
			.contains("usage: events [--venue PART] [--from YYYY-MM-DD] [--to YYYY-MM-DD]");
	}

	@Test
	void registerTakesThePasswordOnceFromStdin() throws Exception {
		var user = "jar" + UUID.randomUUID().toString().substring(0, 8);
		var run = shell.run(Map.of(), "piped-pass-123\n", "register", user, "--email", user + "@example.com");
		assertThat(run.exitStatus()).as(run.stderr()).isZero();
		assertThat(run.stdout()).startsWith("Registered " + user);
	}

	private static String field(FunctionInvoker functions, String function, String body, String token, String field) {
		var result = functions.invoke(function, body.getBytes(StandardCharsets.UTF_8), token);
		return JSON.readTree(functions.toJson(result.payload())).path(field).asString();
	}
}
