package io.seatline.shell;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandExecutionException;

import io.seatline.engine.error.Busy;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.error.Unauthenticated;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTests {

	@Test
	void eachContractCodeHasItsExitStatus() {
		assertThat(List.of("INVALID_REQUEST", "UNAUTHENTICATED", "INVALID_CREDENTIALS", "FORBIDDEN", "NOT_FOUND",
				"SEATS_UNAVAILABLE", "CONFLICT", "TOO_MANY_ATTEMPTS", "BUSY", "INTERNAL")
			.stream()
			.map(Refusals::exitCodeOf)).containsExactly(2, 3, 3, 4, 5, 6, 6, 7, 8, 1);
	}

	@Test
	void aRefusalIsFoundInsideTheShellsWrapping() {
		var wrapped = new CommandExecutionException("Unable to execute command book",
				new InvocationTargetException(new SeatsUnavailable(List.of("A1", "B2"))));
		var refusal = Refusals.of(wrapped);
		assertThat(refusal.exitCode()).isEqualTo(6);
		assertThat(refusal.line()).isEqualTo("Error [SEATS_UNAVAILABLE]: These seats are not available: A1, B2");
		assertThat(refusal.json())
			.isEqualTo("{\"error\":\"SEATS_UNAVAILABLE\",\"message\":\"These seats are not available: A1, B2\",\"seats\":[\"A1\",\"B2\"]}");
	}

	@Test
	void aRefusalOfAFieldIsToldInTheCommandsOptionsAndArgumentsWithItsUsage() {
		var events = new Refusals.CommandWords(java.util.Set.of("venue", "from", "to"), "events [--venue PART] [--from D] [--to D]");
		assertThat(Refusals.of(new InvalidRequest("to", "to is before from")).inWordsOf(events).line())
			.isEqualTo("Error [INVALID_REQUEST]: --to is before from\nusage: events [--venue PART] [--from D] [--to D]");
		assertThat(Refusals.of(new InvalidRequest("from", "from must lie in the years 2000 to 2100")).inWordsOf(events).line())
			.startsWith("Error [INVALID_REQUEST]: --from must lie in the years 2000 to 2100\n");
		var seats = new Refusals.CommandWords(java.util.Set.of(), "seats EVENT");
		assertThat(Refusals.of(new InvalidRequest("eventId", "eventId is required")).inWordsOf(seats).line())
			.isEqualTo("Error [INVALID_REQUEST]: EVENT is required\nusage: seats EVENT");
		// a field the command has no word for, and other refusals, stay as the functions say them
		assertThat(Refusals.of(new InvalidRequest("username", "A username is required")).inWordsOf(seats).line())
			.isEqualTo("Error [INVALID_REQUEST]: A username is required");
		assertThat(Refusals.of(new SeatsUnavailable(List.of("A1"))).inWordsOf(seats).line())
			.isEqualTo("Error [SEATS_UNAVAILABLE]: These seats are not available: A1");
	}

	@Test
	void anInvalidFieldIsNamedInTheLineAndTheJson() {
		var refusal = Refusals.of(new InvalidRequest("startsAt", "The start must have an offset"));
		assertThat(refusal.line()).isEqualTo("Error [INVALID_REQUEST]: The start must have an offset (field: startsAt)");
		assertThat(refusal.json()).contains("\"field\":\"startsAt\"");
	}

	@Test
	void aMissingSessionSaysHowToSignIn() {
		assertThat(Refusals.of(new Unauthenticated("Sign in first")).line()).endsWith("Sign in first (login USERNAME)");
		assertThat(Refusals.of(new Forbidden("Admins only")).exitCode()).isEqualTo(4);
	}

	@Test
	void aBusyDatabaseIsBusyNotABug() {
		// the functions report a database that stayed locked as the engine's Busy
		var refusal = Refusals.of(new CommandExecutionException("x", new Busy("The database is busy")));
		assertThat(refusal.code()).isEqualTo("BUSY");
		assertThat(refusal.exitCode()).isEqualTo(8);
	}

	@Test
	void anUnexpectedFailureIsOneLineWithoutAStackTrace() {
		var refusal = Refusals.of(new IllegalStateException("outer", new RuntimeException("disk full\n  at somewhere")));
		assertThat(refusal.exitCode()).isEqualTo(1);
		assertThat(refusal.line()).isEqualTo("Error [INTERNAL]: Something went wrong: disk full at somewhere");
	}

	@Test
	void errorLinesAreRedOnlyAtATerminalWithColoursAndWithoutNoColor() {
		assertThat(StandardStreams.colourOn(null, "xterm-256color", true)).isTrue();
		assertThat(StandardStreams.colourOn("", "xterm", true)).isTrue();
		assertThat(StandardStreams.colourOn("1", "xterm", true)).as("NO_COLOR set").isFalse();
		assertThat(StandardStreams.colourOn(null, "xterm", false)).as("a pipe or a file").isFalse();
		assertThat(StandardStreams.colourOn(null, "dumb", true)).as("a dumb terminal").isFalse();
		assertThat(StandardStreams.painted("Error [NOT_FOUND]: No such event", true))
			.isEqualTo("\u001B[31mError [NOT_FOUND]: No such event\u001B[0m");
		assertThat(StandardStreams.painted("Error [NOT_FOUND]: No such event", false))
			.isEqualTo("Error [NOT_FOUND]: No such event");
	}

}
