package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seatline.functions.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What Tab offers, asked of the completer the interactive session uses, with the line parsed by the session's own
 * parser, against a real SQLite file: event ids with their names, seats of the status each command needs, venues,
 * bookings and usernames, and nothing (never an error) where the caller may not see them or the event is unknown.
 */
@SpringBootTest(properties = { "spring.shell.interactive.enabled=false", "ADMIN_PASSWORD=" + ShellCommandsTests.PASSWORD,
		"SEATLINE_PASSWORD=" + ShellCommandsTests.PASSWORD })
@ShellTest
@ExtendWith(OutputCaptureExtension.class)
class CompletionTests {

	private static final Pattern ID = Pattern.compile("\\(([0-9a-z]{19})\\)");

	@Autowired
	private ShellTestClient client;

	@Autowired
	private CommandCompleter completer;

	@Autowired
	private Parser parser;

	@Autowired
	private FunctionInvoker functions;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		properties.add("DATABASE_URL", () -> TestDatabases.newUrl("completion"));
	}

	@Test
	void eventIdsAreOfferedWithTheEventsNames() throws Exception {
		var name = "Hamlet " + unique();
		var event = newEvent("--rows 1 --seats-per-row 2", name);
		run("logout");
		var offered = complete("seats ");
		assertThat(offered).filteredOn((candidate) -> candidate.value().equals(event))
			.singleElement()
			.satisfies((candidate) -> assertThat(candidate.descr()).startsWith(name + ", 2031-01-01 20:00 UTC"));
		var typed = event.substring(0, 5);
		assertThat(values(complete("seats " + typed))).contains(event).allMatch((id) -> id.startsWith(typed));
		assertThat(values(complete("seats admin " + typed))).contains(event);
		assertThat(values(complete("event update " + typed))).contains(event);
	}

	@Test
	void bookAndBlockOfferFreeSeatsAndUnblockTheBlockedOnes() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 4", "Show " + unique());
		run("book " + event + " A1");
		run("seats block " + event + " A2");
		assertThat(values(complete("book " + event + " "))).containsExactlyInAnyOrder("A3", "A4");
		assertThat(values(complete("seats block " + event + " "))).containsExactlyInAnyOrder("A3", "A4");
		assertThat(values(complete("seats unblock " + event + " "))).containsExactly("A2");
		assertThat(values(complete("book " + event + " A3 "))).containsExactly("A4");
	}

	@Test
	void theLastSeatOfACommaListIsCompleted() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 5", "Show " + unique());
		run("book " + event + " A1");
		var offered = complete("book " + event + " A2,A");
		assertThat(values(offered)).containsExactlyInAnyOrder("A2,A3", "A2,A4", "A2,A5");
		assertThat(offered).extracting(Candidate::displ).containsExactlyInAnyOrder("A3", "A4", "A5");
		assertThat(values(complete("book " + event + " a"))).containsExactlyInAnyOrder("a2", "a3", "a4", "a5");
	}

	@Test
	void noSeatIsOfferedBeforeTheEventIsTyped() throws Exception {
		newEvent("--rows 1 --seats-per-row 2", "Show " + unique());
		assertThat(values(complete("book "))).isNotEmpty().allMatch((value) -> value.matches("[0-9a-z]{19}"));
	}

	@Test
	void anUnknownEventOffersNothingAndPrintsNothing(CapturedOutput output) throws Exception {
		run("login admin");
		assertThat(complete("book nosuchevent00 ")).isEmpty();
		assertThat(complete("seats unblock nosuchevent00 A")).isEmpty();
		assertThat(output.getAll()).doesNotContain("Exception", "NOT_FOUND");
	}

	@Test
	void aCancelledEventIsOfferedToLookAtButNotToChange() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 2", "Show " + unique());
		run("event cancel " + event);
		assertThat(complete("seats " + event)).singleElement()
			.satisfies((candidate) -> assertThat(candidate.descr()).endsWith(", CANCELLED"));
		assertThat(complete("event cancel " + event)).isEmpty();
		assertThat(complete("book " + event)).isEmpty();
	}

	@Test
	void optionsThatTakeIdsAreCompleted() throws Exception {
		run("login admin");
		var venueName = "Hall " + unique();
		var venue = idIn(run("venue create --name \"" + venueName + "\" --capacity 3"));
		var event = idIn(run("event create --venue " + venue + " --name \"Gala " + unique()
				+ "\" --starts-at 2031-01-01T20:00:00Z"));
		assertThat(complete("event create --name X --venue " + venue.substring(0, 4))).extracting(Candidate::value,
				Candidate::descr)
			.contains(tuple(venue, venueName + ", 3 seats"));
		assertThat(values(complete("bookings find --event "))).contains(event);
		// an id begins with the second it was made: the events of this test share that part, not the rest
		var typed = event.substring(0, 10);
		assertThat(values(complete("dashboard --event " + typed))).containsExactly(event);
		assertThat(values(complete("export --file out.csv --event=" + typed))).containsExactly("--event=" + event);
		assertThat(values(complete("event update " + event + " --"))).contains("--name", "--starts-at");
		assertThat(values(complete("audit --event " + typed))).containsExactly(event);
	}

	@Test
	void anAdminIsOfferedTheNewestBookingsToCancelForACustomer() throws Exception {
		var name = "Show " + unique();
		var event = newEvent("--rows 1 --seats-per-row 3", name);
		var buyer = newUser();
		run("login " + buyer);
		run("book " + event + " A1 A2");
		assertThat(complete("booking cancel-for ")).isEmpty();
		run("login admin");
		var reference = run("bookings find --user " + buyer).lines()
			.filter((line) -> line.contains(buyer))
			.findFirst()
			.orElseThrow()
			.substring(1, 9);
		assertThat(complete("booking cancel-for " + reference.substring(0, 3))).extracting(Candidate::value,
				Candidate::descr)
			.containsExactly(tuple(reference, buyer + ", " + name + ", A1 A2"));
	}

	@Test
	void aUserIsOfferedTheirConfirmedBookingsToCancel() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 3", "Show " + unique());
		run("login " + newUser());
		var kept = run("book " + event + " A1").split(" ")[3];
		var cancelled = run("book " + event + " A2").split(" ")[3];
		run("cancel " + cancelled);
		assertThat(complete("cancel ")).singleElement().satisfies((candidate) -> {
			assertThat(candidate.value()).isEqualTo(kept);
			assertThat(candidate.descr()).endsWith(", A1");
		});
	}

	@Test
	void usernamesAreOfferedToAnAdminOnly(CapturedOutput output) throws Exception {
		var user = newUser();
		var disabled = newUser();
		run("login admin");
		run("account disable " + disabled);
		assertThat(values(complete("account disable user"))).contains(user).doesNotContain(disabled);
		assertThat(values(complete("account enable user"))).contains(disabled).doesNotContain(user);
		assertThat(values(complete("account disable adm"))).doesNotContain("admin");
		assertThat(values(complete("reset-password adm"))).contains("admin");
		assertThat(values(complete("reset-password " + user))).containsExactly(user);
		assertThat(values(complete("bookings find --user " + user))).containsExactly(user);
		run("login " + user);
		assertThat(complete("account disable ")).isEmpty();
		run("logout");
		assertThat(complete("reset-password ")).isEmpty();
		assertThat(complete("cancel ")).isEmpty();
		assertThat(output.getAll()).doesNotContain("Exception", "FORBIDDEN", "UNAUTHENTICATED");
	}

	@Test
	void oneTabOffersAtMostTwoHundredCandidates() throws Exception {
		var event = newEvent("--capacity 250", "Show " + unique());
		assertThat(complete("book " + event + " ")).hasSize(CommandCompletion.MOST);
	}

	@Test
	void theCompletionsAreNoFunctions() {
		assertThat(this.functions.functionNames()).noneMatch((name) -> name.startsWith("complete"));
	}

	private List<Candidate> complete(String line) {
		var parsed = this.parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
		var candidates = new ArrayList<Candidate>();
		this.completer.complete(null, parsed, candidates);
		var word = parsed.word();
		// what the terminal shows: the candidates that match the word typed (option names only once "-" is typed)
		return candidates.stream()
			.filter((candidate) -> candidate.value().startsWith(word))
			.filter((candidate) -> !word.isEmpty() || !candidate.value().startsWith("-"))
			.toList();
	}

	private static List<String> values(List<Candidate> candidates) {
		return candidates.stream().map(Candidate::value).toList();
	}

	private String run(String line) throws Exception {
		return String.join("\n", this.client.sendCommand(line).lines()).stripTrailing();
	}

	private String newUser() throws Exception {
		var username = "user" + unique();
		assertThat(run("register " + username + " --email " + username + "@example.com")).startsWith("Registered ");
		return username;
	}

	// signed in as admin afterwards
	private String newEvent(String seats, String name) throws Exception {
		run("login admin");
		var venue = idIn(run("venue create --name \"Venue " + unique() + "\" " + seats));
		return idIn(run("event create --venue " + venue + " --name \"" + name + "\" --starts-at 2031-01-01T20:00:00Z"));
	}

	private static String idIn(String text) {
		var matcher = ID.matcher(text);
		assertThat(matcher.find()).as("an id in: %s", text).isTrue();
		return matcher.group(1);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
