package io.seatline.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

	private static String field(FunctionInvoker functions, String function, String body, String token, String field) {
		var result = functions.invoke(function, body.getBytes(StandardCharsets.UTF_8), token);
		return JSON.readTree(functions.toJson(result.payload())).path(field).asString();
	}
}
