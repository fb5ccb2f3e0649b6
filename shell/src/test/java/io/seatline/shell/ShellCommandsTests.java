package io.seatline.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jline.reader.Candidate;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seatline.engine.error.Unauthenticated;
import io.seatline.functions.BookingsCsv;
import io.seatline.functions.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

/**
 * The commands against a real SQLite file, through Spring Shell's test client: what each prints, and each refusal as
 * a one-line message on stderr with its exit status. Every account's password is {@value #PASSWORD}, given to
 * {@code login} by {@code SEATLINE_PASSWORD} as a script would.
 */
@SpringBootTest(properties = { "spring.shell.interactive.enabled=false", "ADMIN_PASSWORD=" + ShellCommandsTests.PASSWORD,
		"SEATLINE_PASSWORD=" + ShellCommandsTests.PASSWORD, "SEATLINE_NEW_PASSWORD=" + ShellCommandsTests.NEW_PASSWORD,
		"seatline.shell.export.progress-from=2" })
@ShellTest
@ExtendWith(OutputCaptureExtension.class)
class ShellCommandsTests {

	static final String PASSWORD = "correct-horse-9";

	static final String NEW_PASSWORD = "battery-staple-4";

	private static final Pattern ID = Pattern.compile("\\(([0-9a-z]{19})\\)");

	@Autowired
	private ShellTestClient client;

	@Autowired
	private CommandRunner runner;

	@Autowired
	private FunctionInvoker functions;

	@Autowired
	private CommandRegistry registry;

	@Autowired
	private CommandCompleter completer;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private BookingsCsv csv;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		properties.add("DATABASE_URL", () -> TestDatabases.newUrl("commands"));
		// a login run as one command is kept here, never in the config folder of whoever runs the tests
		properties.add("SEATLINE_CONFIG_DIR", () -> CONFIG.toString());
	}

	private static final Path CONFIG = Path.of("target", "test-config", "commands-" + UUID.randomUUID())
		.toAbsolutePath();

	@Test
	void loginSignsInAndWhoamiNamesTheUser() throws Exception {
		assertThat(run("login admin")).startsWith("Signed in as admin (ADMIN) until ");
		assertThat(run("whoami")).isEqualTo("admin (ADMIN)");
	}

	@Test
	void logoutEndsTheSession(CapturedOutput output) throws Exception {
		var user = newUser();
		run("login " + user);
		assertThat(run("logout")).isEqualTo("Signed out");
		assertThat(status("whoami")).isEqualTo(3);
		assertThat(output.getErr()).contains("Error [UNAUTHENTICATED]: Not signed in (login USERNAME)");
	}

	@Test
	void loginPrintTokenPrintsOnlyTheTokenAndKeepsNothing() throws Exception {
		var user = newUser();
		run("logout");
		var out = new StringWriter();
		assertThat(this.runner.runArguments(new String[] { "login", user, "--print-token" }, new PrintWriter(out),
				new InputReader() {
				})).isZero();
		var token = out.toString().strip();
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(CONFIG).doesNotExist();
		assertThat(execute("whoami")).isEmpty();
		assertThat(execute("whoami --token " + token)).isEqualTo(user + " (USER)");
	}

	@Test
	void everyCommandTakesATokenThatWinsForThatCommandOnly(CapturedOutput output) throws Exception {
		var user = newUser();
		var token = field("login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", "token");
		run("login " + user);
		assertThat(execute("whoami --token " + token)).isEqualTo("admin (ADMIN)");
		assertThat(execute("accounts --query " + user + " --token=" + token)).contains(user);
		assertThat(execute("whoami")).isEqualTo(user + " (USER)");
		assertThat(status("accounts --token nosuchtoken")).isEqualTo(3);
		assertThat(output.getErr()).contains("Error [UNAUTHENTICATED]: ");
	}

	@Test
	void anUnknownOptionIsAUsageErrorWithTheCommandsUsage(CapturedOutput output) throws Exception {
		assertThat(status("events --bogus x")).isEqualTo(2);
		assertThat(output.getErr()).contains("Error: there is no option '--bogus'\n"
				+ "usage: events [--venue PART] [--from YYYY-MM-DD] [--to YYYY-MM-DD]");
		assertThat(status("book someevent A1 --seat A2")).isEqualTo(2);
		assertThat(output.getErr()).contains("there is no option '--seat'").contains("usage: book EVENT SEAT...");
		assertThat(status("seats block someevent A1 -x 1")).isEqualTo(2);
		assertThat(output.getErr()).contains("there is no option '-x'");
		assertThat(execute("events --venue nowhere-" + unique())).isEqualTo("No events found");
	}

	@Test
	void aSavedLoginIsUsedByTheNextShellAndForgottenOnceTheServerEndedIt() throws Exception {
		var folder = Path.of("target", "test-config", "saved-" + unique());
		var url = TestDatabases.newUrl("unused");
		var store = new LoginStore(folder.toString(), "", url);
		var user = newUser();
		var token = field("login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}",
				"token");
		store.save(user, token);
		assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(new LoginStore(folder.toString(), "", TestDatabases.newUrl("other")).read()).isNull();

		var session = new Session("", new LoginStore(folder.toString(), "", url));
		var functions = new Functions(this.functions, this.csv, session);
		assertThat(session.username()).isEqualTo(user);
		assertThat(functions.call("currentUser").path("username").asString()).isEqualTo(user);
		call("logout", "{}", token);
		assertThatThrownBy(() -> functions.call("myBookings")).isInstanceOf(Unauthenticated.class)
			.hasMessage("The saved login of " + user + " has expired or was ended; not signed in, the login is forgotten");
		assertThat(store.file()).doesNotExist();
		assertThat(session.token()).isNull();
	}

	@Test
	void ctrlCOrCtrlDAtThePasswordPromptCancelsQuietly(CapturedOutput output) throws Exception {
		var commands = new AccountCommands(new Functions(this.functions, this.csv, new Session("", new LoginStore(
				CONFIG.toString(), "", "jdbc:sqlite:unused.db"))), new Session("", new LoginStore(CONFIG.toString(),
						"", "jdbc:sqlite:unused.db")), "", "");
		InputReader ctrlC = new InputReader() {
			@Override
			public char[] readPassword(String prompt) {
				throw new UserInterruptException("");
			}
		};
		InputReader ctrlD = new InputReader() {
			@Override
			public char[] readPassword(String prompt) {
				return null;
			}
		};
		for (var input : List.of(ctrlC, ctrlD)) {
			var thrown = catchException(() -> commands.login("admin", false, context("login", input)));
			assertThat(Refusals.asMessages().apply(thrown).code()).isEqualTo(130);
		}
		assertThat(output.getErr()).doesNotContain("Error", "Exception");
	}

	@Test
	void registerAsksTwiceAtATerminalAndRefusesTwoDifferentPasswords() throws Exception {
		var session = new Session("", new LoginStore(CONFIG.toString(), "", "jdbc:sqlite:unused.db"));
		var commands = new AccountCommands(new Functions(this.functions, this.csv, session), session, "", "");
		var user = "user" + unique();
		var thrown = catchException(() -> commands.register(user, user + "@example.com",
				context("register", typing(PASSWORD, PASSWORD + "x"))));
		assertThat(Refusals.of(thrown).exitCode()).isEqualTo(2);
		assertThat(Refusals.of(thrown).line()).contains("The two passwords differ");
		assertThat(commands.register(user, user + "@example.com", context("register", typing(PASSWORD, PASSWORD))))
			.startsWith("Registered " + user);
	}

	@Test
	void wrongPasswordIsRefusedInOneLine(CapturedOutput output) throws Exception {
		call("register", "{\"username\":\"mallory\",\"email\":\"m@example.com\",\"password\":\"another-pass-1\"}");
		assertThat(status("login mallory")).isEqualTo(3);
		assertThat(output.getErr().strip().lines().reduce((first, last) -> last).orElseThrow())
			.isEqualTo("Error [INVALID_CREDENTIALS]: Wrong username or password, or the account is disabled");
		assertThat(output.getAll()).doesNotContain("Exception", "\tat ");
	}

	@Test
	void aUserChangesTheirPasswordAndAnAdminResetsOne() throws Exception {
		var user = newUser();
		run("login " + user);
		assertThat(run("change-password")).isEqualTo("Password changed for " + user + "; 0 sessions ended");
		assertThat(run("whoami")).isEqualTo(user + " (USER)");
		run("login admin");
		assertThat(run("reset-password " + user)).isEqualTo("Password of " + user + " reset; 1 session ended");
		call("login", "{\"username\":\"" + user + "\",\"password\":\"" + NEW_PASSWORD + "\"}");
	}

	@Test
	void onlyAnAdminResetsPasswords(CapturedOutput output) throws Exception {
		var user = newUser();
		run("login " + user);
		assertThat(status("reset-password admin")).isEqualTo(4);
		assertThat(output.getErr()).contains("Error [FORBIDDEN]: ");
	}

	@Test
	void adminCreatesVenuesAndEventsAndListsThem() throws Exception {
		run("login admin");
		var venue = idIn(run("venue create --name \"Hall " + unique() + "\" --rows 2 --seats-per-row 5"));
		assertThat(run("venues")).contains(venue).contains("|   10|").containsPattern("\\|TIME ZONE *\\|")
			.containsPattern("\\|UTC *\\|");
		var created = run("event create --venue " + venue + " --name \"Opening " + unique()
				+ "\" --starts-at 2031-05-01T20:00:00+02:00");
		assertThat(created).contains("on 2031-05-01 18:00 UTC with 10 seats");
		assertThat(run("events --from 2031-05-01 --to 2031-05-01")).contains(idIn(created))
			.contains("2031-05-01 18:00 UTC")
			.contains("10 of 10");
	}

	@Test
	void pricedVenuesAndEventsShowTheirPricesInTheSeatMapBookingsAndDashboard(CapturedOutput output) throws Exception {
		run("login admin");
		var venue = idIn(run("venue create --name \"Priced " + unique() + "\" --rows 3 --seats-per-row 2"
				+ " --categories \"Front stalls #d4af37 rows A; Box #3366cc seats C1 C2\""));
		assertThat(status("event create --venue " + venue + " --name Nope --starts-at 2031-05-01T20:00:00Z"
				+ " --prices \"Front stalls=45\"")).isEqualTo(2);
		assertThat(output.getErr()).contains("--prices goes with --currency");
		assertThat(status("event create --venue " + venue + " --name Nope --starts-at 2031-05-01T20:00:00Z"
				+ " --currency EUR --prices \"Front stalls=45.001, Box=60, Standard=20\"")).isEqualTo(2);
		assertThat(output.getErr()).contains("'45.001' is no amount of EUR (at most 2 decimals)");
		var event = idIn(run("event create --venue " + venue + " --name \"Priced " + unique()
				+ "\" --starts-at 2031-05-01T20:00:00Z --currency eur --prices \"Front stalls=45, Box=60.50, Standard=20\""));
		assertThat(run("seats " + event)).containsPattern("\\|Front stalls *\\|EUR 45.00 *\\|2 seats, 2 free *\\|")
			.containsPattern("\\|Box *\\|EUR 60.50 *\\|2 seats, 2 free *\\|")
			.containsPattern("\\|Standard *\\|EUR 20.00 *\\|2 seats, 2 free *\\|");
		var buyer = newUser();
		run("login " + buyer);
		// seats that cost money are held and paid for, not booked in one step
		assertThat(status("book " + event + " A1 C2")).isEqualTo(6);
		assertThat(output.getErr()).contains("These seats cost EUR 105.50: hold them");
		var held = run("hold " + event + " A1 C2");
		assertThat(held).endsWith(", total EUR 105.50");
		var hold = held.split(" ")[4].replace(",", "");
		assertThat(run("hold pay " + hold + " --method box-office"))
			.isEqualTo("Pay EUR 105.50 at the box office, quoting hold " + hold + "; the seats stay held until then");
		assertThat(run("hold status " + hold)).contains("ACTIVE, total EUR 105.50").contains("box-office: STARTED");
		run("login admin");
		assertThat(run("hold paid " + hold)).endsWith("is CONFIRMED, total EUR 105.50");
		run("login " + buyer);
		assertThat(run("bookings")).contains("EUR 105.50");
		assertThat(run("hold status " + hold)).contains("CONFIRMED").contains("booking reference ")
			.contains("box-office: PAID");
		run("login admin");
		assertThat(run("event update " + event + " --prices \"Box=70\"")).startsWith("Updated event");
		assertThat(run("seats " + event)).containsPattern("\\|Box *\\|EUR 70.00 *\\|2 seats, 1 free *\\|");
		assertThat(run("dashboard --event " + event)).contains("EUR 105.50");
	}

	@Test
	void aVenueInAZoneShowsItsEventsAtTheirLocalTimeWithTheZone(CapturedOutput output) throws Exception {
		run("login admin");
		var name = "Berlin " + unique();
		assertThat(status("venue create --name \"" + name + "\" --capacity 4 --time-zone Mars/Olympus")).isEqualTo(2);
		assertThat(output.getErr()).contains("Error [INVALID_REQUEST]: ").contains("--time-zone must be a time zone id");
		assertThat(run("venues")).doesNotContain(name);
		var created = run("venue create --name \"" + name + "\" --capacity 4 --time-zone Europe/Berlin");
		assertThat(created).endsWith("with 4 seats in Europe/Berlin");
		var venue = idIn(created);
		assertThat(run("venues")).containsPattern("\\|" + venue + " *\\|" + name + " *\\| *4\\|Europe/Berlin *\\|");
		// given in UTC, shown as Berlin's clocks show it: two hours ahead in May
		var event = idIn(run("event create --venue " + venue + " --name \"Zoned " + unique()
				+ "\" --starts-at 2031-05-01T18:00:00Z"));
		assertThat(run("events --from 2031-05-01 --to 2031-05-01")).contains(event)
			.contains("2031-05-01 20:00 Europe/Berlin");
		assertThat(run("seats " + event)).contains("2031-05-01 20:00 Europe/Berlin");
		assertThat(run("dashboard --event " + event)).contains("2031-05-01 20:00 Europe/Berlin");
		assertThat(run("event update " + event + " --starts-at 2031-12-01T19:00:00Z"))
			.endsWith("on 2031-12-01 20:00 Europe/Berlin");
	}

	@Test
	void seatsOfRowsAreDrawnUnderTheirNumbersWithALegend() throws Exception {
		var event = newEvent("--rows 2 --seats-per-row 3");
		run("login admin");
		run("book " + event + " A2");
		assertThat(run("seats " + event)).contains("""
				   1 2 3
				A  . X .
				B  . . .

				Legend:  . free  X booked
				5 of 6 seats free""");
	}

	@Test
	void seatsOfACapacityAreDrawnInRowsOfTwenty() throws Exception {
		var event = newEvent("--capacity 45");
		run("login admin");
		run("book " + event + " 1 22 45");
		var grid = run("seats " + event);
		assertThat(grid).contains(" 0   X  .  .").contains("20   .  X  .").contains("40   .  .  .  .  X\n");
		assertThat(grid).contains("Seat number = row + column").contains("42 of 45 seats free");
	}

	@Test
	void aBookingIsListedAndCancellingFreesItsSeats() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 4");
		run("login " + newUser());
		var booked = run("book " + event + " a1 A2");
		assertThat(booked).matches("Booked A1, A2: booking [0-9a-z]{19} is CONFIRMED");
		var booking = booked.split(" ")[4];
		assertThat(run("bookings")).contains(booking).contains("A1 A2").contains("CONFIRMED");
		assertThat(run("cancel " + booking)).isEqualTo("Booking " + booking + " is CANCELLED; its seats are free again");
		assertThat(run("seats " + event)).contains("4 of 4 seats free");
	}

	@Test
	void aBookingRunAgainWithItsIdempotencyKeyIsMadeOnceAndAnsweredAlike(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 4");
		run("login " + newUser());
		var key = "shell-" + unique();
		var booked = run("book " + event + " A1 A2 --idempotency-key " + key);
		assertThat(booked).matches("Booked A1, A2: booking [0-9a-z]{19} is CONFIRMED");
		assertThat(run("book " + event + " A1 A2 --idempotency-key " + key)).isEqualTo(booked);
		// invoke takes the key too: the same function, caller, key and body answer what the command heard
		var json = output("invoke reserveSeats --idempotency-key " + key + " --body {\"eventId\":\"" + event
				+ "\",\"seats\":[\"A1\",\"A2\"]}");
		assertThat(json).contains("\"bookingId\":\"" + booked.split(" ")[4] + "\"");
		assertThat(run("seats " + event)).contains("2 of 4 seats free");
		assertThat(status("book " + event + " A3 --idempotency-key " + key)).isEqualTo(6);
		assertThat(output.getErr()).contains("Error [CONFLICT]: This idempotency key was already used");
		assertThat(status("book " + event + " A3 --idempotency-key " + "k".repeat(256))).isEqualTo(2);
		assertThat(run("seats " + event)).contains("2 of 4 seats free");
	}

	@Test
	void heldSeatsAreShownHeldAndAHoldIsConfirmedOrReleased(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 4");
		run("login " + newUser());
		var held = run("hold " + event + " a1 A2");
		assertThat(held).matches("Held A1, A2: hold [0-9a-z]{19} until .+");
		var hold = held.split(" ")[4];
		assertThat(run("seats " + event)).contains("2 of 4 seats free");
		assertThat(run("holds")).contains(hold).contains("A1 A2");
		var booked = run("hold confirm " + hold);
		assertThat(booked).matches("Booked A1, A2: booking [0-9a-z]{19} \\(reference [0-9A-Z-]+\\) is CONFIRMED");
		assertThat(status("hold confirm " + hold)).isEqualTo(6);
		assertThat(output.getErr()).contains("Error [CONFLICT]: The hold is already confirmed");
		var second = run("hold " + event + " A3").split(" ")[3];
		assertThat(run("hold release " + second)).isEqualTo("Hold " + second + " is RELEASED; its seats are free again");
		assertThat(run("holds")).isEqualTo("You hold no seats");
		assertThat(run("seats " + event)).contains("2 of 4 seats free");
	}

	@Test
	void aTakenSeatIsRefusedAndNothingIsBooked(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 4");
		run("login " + newUser());
		run("book " + event + " A1");
		run("login " + newUser());
		assertThat(status("book " + event + " A2 A1")).isEqualTo(6);
		assertThat(output.getErr()).contains("Error [SEATS_UNAVAILABLE]: These seats are not available: A1");
		assertThat(run("seats " + event)).contains("3 of 4 seats free");
	}

	@Test
	void aUserIsRefusedTheAdminCommands(CapturedOutput output) throws Exception {
		run("login " + newUser());
		assertThat(status("venue create --name Nope --capacity 3")).isEqualTo(4);
		assertThat(output.getErr()).contains("Error [FORBIDDEN]: ");
	}

	@Test
	void anUnknownEventIsNotFound(CapturedOutput output) throws Exception {
		assertThat(status("seats nosuchevent00")).isEqualTo(5);
		assertThat(output.getErr()).contains("Error [NOT_FOUND]: ");
	}

	@Test
	void aMissingOrMalformedOptionIsAUsageError(CapturedOutput output) throws Exception {
		run("login admin");
		assertThat(status("review someevent")).isEqualTo(2);
		assertThat(status("review someevent --rating five")).isEqualTo(2);
		assertThat(status("frobnicate")).isEqualTo(2);
		assertThat(output.getErr()).contains("Error [INVALID_REQUEST]: Required option '--rating' is missing")
			.contains("Error [INVALID_REQUEST]: 'five' is not a whole number")
			.contains("Error: there is no command 'frobnicate'")
			.doesNotContain("\tat ");
	}

	@Test
	void refusalsNameTheCommandsOptionsAndArgumentsNotTheJsonFields(CapturedOutput output) throws Exception {
		run("login admin");
		assertThat(status("venue create --name X --seats-per-row 4")).isEqualTo(2);
		assertThat(status("seats")).isEqualTo(2);
		var venue = idIn(run("venue create --name \"Venue " + unique() + "\" --capacity 2"));
		assertThat(status("event create --venue " + venue + " --name X --starts-at 2001-01-01T20:00:00Z")).isEqualTo(2);
		assertThat(status("bookings find")).isEqualTo(2);
		assertThat(output.getErr()).contains("Error [INVALID_REQUEST]: --seats-per-row goes with --rows\nusage: venue create --name NAME (--rows R"
				+ " --seats-per-row S | --capacity N) [--time-zone ZONE] [--categories CATEGORIES]\n")
			.contains("Error [INVALID_REQUEST]: EVENT is required\nusage: seats EVENT\n")
			.contains("Error [INVALID_REQUEST]: --starts-at must lie in the future\nusage: event create --venue VENUE_ID_OR_NAME")
			.contains("Give a --reference, a --user or an --event to search by\nusage: bookings find --reference R")
			.doesNotContain("seatsPerRow")
			.doesNotContain("eventId")
			.doesNotContain("startsAt");
		// programs read the contract's words
		assertThat(status("invoke eventSeats --body {}")).isEqualTo(2);
		assertThat(output.getErr()).contains("\"message\":\"eventId is required\"");
	}

	@Test
	void aReviewIsSavedAndListedWithTheAverage() throws Exception {
		var user = newUser();
		var event = eventBookedBy(user);
		assertThat(run("review " + event + " --rating 4 --text \"Loud, and \\\"great\\\"\""))
			.isEqualTo("Your review of event " + event + " is saved: 4 of 5");
		var reviews = run("reviews " + event);
		assertThat(reviews).startsWith("Average 4.0 of 5 from 1 review(s)").contains(user).contains("Loud, and \"great\"");
	}

	@Test
	void aTableFitsTheWidthAndCutsALongReviewWithAnEllipsis() throws Exception {
		var user = newUser();
		var event = eventBookedBy(user);
		run("review " + event + " --rating 5 --text \"A long evening, " + "and more ".repeat(30) + "THE END\"");
		for (int width : new int[] { 80, 140 }) {
			Texts.useTerminalWidth(() -> width);
			try {
				var reviews = run("reviews " + event);
				var table = reviews.lines().skip(1).toList();
				assertThat(table).as("at %d columns", width).hasSize(5).allSatisfy((line) -> assertThat(line).hasSize(width));
				assertThat(reviews).contains("|" + user).contains("|A long evening, and more").contains("\u2026|")
					.doesNotContain("THE END");
			}
			finally {
				Texts.useTerminalWidth(null);
			}
		}
	}

	@Test
	void theDashboardIsATableWithATotalLine() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 5");
		run("login admin");
		run("book " + event + " A1 A2");
		var dashboard = run("dashboard --event " + event);
		assertThat(dashboard).contains("|ID ").contains("|BOOKED|FREE|SEATS|BOOKINGS|");
		assertThat(dashboard).contains("|     2|   3|    5|       1|");
		assertThat(dashboard.lines().filter((line) -> line.contains("|All"))).hasSize(1);
	}

	@Test
	void exportWritesTheCsvFileWithAProgressBar(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 5");
		run("login admin");
		run("book " + event + " A1");
		run("book " + event + " A2 A3");
		var file = Path.of("target", "exports", "bookings-" + unique() + ".csv");
		Files.createDirectories(file.getParent());
		assertThat(run("export --event " + event + " --file " + file)).isEqualTo("Wrote 2 booking(s) to " + file);
		var csv = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("booking_id,username,event,event_date,seats,booked_at,status").contains(",A2 A3,");
		assertThat(output.getErr()).contains("Writing " + file + " [##############################] 100%");
	}

	@Test
	void aLargeExportIsWrittenAsItIsReadWithABarThatFollowsTheBookingsFromTheFirst(CapturedOutput output)
			throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 1");
		int bookings = 20_000;
		// 20,000 cancelled bookings of A1 by the admin, written around the engine in one statement each
		var numbers = "with recursive n(i) as (select 1 union all select i + 1 from n where i < " + bookings + ") ";
		var admin = this.jdbc.queryForObject("select id from accounts where username = 'admin'", String.class);
		this.jdbc.update(numbers + "insert into bookings (id, version, event_id, account_id, status, created_at,"
				+ " cancelled_at, reference) select ? || i, 0, ?, ?, 'CANCELLED', i, i, ? || i from n", event, event,
				admin, "S" + event);
		this.jdbc.update(numbers + "insert into booking_seats (booking_id, event_id, label, position, released_at)"
				+ " select ? || i, ?, 'A1', 0, i from n", event, event);
		var file = Path.of("target", "exports", "large-" + unique() + ".csv");
		Files.createDirectories(file.getParent());
		assertThat(run("export --event " + event + " --file " + file)).isEqualTo("Wrote 20000 booking(s) to " + file);
		var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(bookings + 1);
		assertThat(lines.get(0)).isEqualTo("booking_id,username,event,event_date,seats,booked_at,status");
		assertThat(lines.get(bookings)).startsWith(event + bookings + ",admin,").endsWith(",A1,1970-01-01T00:00:20Z,CANCELLED");
		// every percent is drawn as the bookings are written, from the first: 0%, 1%, ... 100%
		var bar = "Writing " + file + " [";
		assertThat(output.getErr()).contains(bar + "-".repeat(30) + "]   0%", "]   1%", "]  50%",
				bar + "#".repeat(30) + "] 100%");
	}

	@Test
	void emailsListsThePendingJobsAndRetryNamesWhatItDid(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 3");
		run("login admin");
		var booked = run("book " + event + " A3");
		var booking = booked.replaceAll(".*booking ([0-9a-z]{19}) is CONFIRMED.*", "$1");
		// the shell only schedules: with no worker here, the booking's emails wait
		var emails = run("emails");
		assertThat(emails).contains("booking-confirmed." + booking).contains("review-prompt." + booking)
			.contains("|PENDING").contains("|TO ");
		assertThat(emails.lines().reduce((first, last) -> last).orElseThrow()).matches("\\d+ pending, 0 failed");
		assertThat(run("emails retry")).isEqualTo("No failed email to retry");
		assertThat(status("emails retry --job booking-confirmed." + booking)).isEqualTo(6);
		assertThat(output.getErr()).contains("CONFLICT");
		assertThat(status("emails retry --job nosuchjob")).isEqualTo(5);
	}

	@Test
	void anAdminBlocksSeatsSeesWhoHoldsEachAndUnblocksThem() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 4");
		var buyer = newUser();
		run("login " + buyer);
		var booking = run("book " + event + " A2").replaceAll(".*booking ([0-9a-z]{19}) is CONFIRMED.*", "$1");
		run("login admin");
		assertThat(run("seats block " + event + " a1,A4")).isEqualTo("Blocked A1 A4 of event " + event);
		var map = run("seats admin " + event);
		assertThat(map).contains("A  # X . #").contains("# blocked").contains("1 of 4 seats free");
		assertThat(map).containsPattern("\\|A2\\s*\\|[2-9A-HJ-NP-Z]{8}\\s*\\|" + booking + "\\|" + buyer);
		assertThat(run("seats unblock " + event + " A4")).isEqualTo("Unblocked A4 of event " + event);
		assertThat(run("seats " + event)).contains("2 of 4 seats free");
	}

	@Test
	void blockingATakenSeatOrUnblockingAFreeOneIsRefused(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 3");
		run("login admin");
		run("book " + event + " A1");
		assertThat(status("seats block " + event + " A1 A2")).isEqualTo(6);
		assertThat(output.getErr()).contains("Error [SEATS_UNAVAILABLE]: These seats are not available: A1");
		assertThat(status("seats unblock " + event + " A2")).isEqualTo(6);
		assertThat(output.getErr()).contains("Error [CONFLICT]: These seats are not blocked: A2");
		run("login " + newUser());
		assertThat(status("seats admin " + event)).isEqualTo(4);
		assertThat(status("seats block " + event + " A3")).isEqualTo(4);
		assertThat(run("seats " + event)).contains("2 of 3 seats free");
	}

	@Test
	void anAdminFindsABookingByReferenceAndCancelsItForTheCustomer(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 3");
		var buyer = newUser();
		run("login " + buyer);
		run("book " + event + " A1 A2");
		run("login admin");
		var byUser = run("bookings find --user " + buyer);
		var matcher = Pattern.compile("\\|([2-9A-HJ-NP-Z]{8})\\s*\\|").matcher(byUser);
		assertThat(matcher.find()).as(byUser).isTrue();
		var reference = matcher.group(1);
		assertThat(byUser).contains("A1 A2").contains("CONFIRMED");
		assertThat(run("bookings find --reference " + reference.toLowerCase())).contains(buyer);
		assertThat(run("bookings find --user nobody-here")).isEqualTo("No bookings found");
		assertThat(status("bookings find")).isEqualTo(2);
		assertThat(run("booking cancel-for " + reference + " --reason \"The show is moved\""))
			.startsWith("Booking " + reference + " (")
			.contains("of " + buyer + " is CANCELLED");
		assertThat(run("seats " + event)).contains("3 of 3 seats free");
		assertThat(status("booking cancel-for " + reference + " --reason Again")).isEqualTo(6);
		assertThat(output.getErr()).contains("Error [CONFLICT]: ");
		assertThat(status("booking cancel-for " + reference)).isEqualTo(2);
	}

	@Test
	void auditShowsWhoDidWhatToABookingAndAnEventAndWritesTheCsv(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 3");
		var buyer = newUser();
		run("login " + buyer);
		run("book " + event + " A1 A2");
		assertThat(status("audit --event " + event)).isEqualTo(4);
		run("login admin");
		run("seats block " + event + " A3");
		var found = run("bookings find --user " + buyer);
		var matcher = Pattern.compile("\\|([2-9A-HJ-NP-Z]{8})\\s*\\|").matcher(found);
		assertThat(matcher.find()).as(found).isTrue();
		var reference = matcher.group(1);
		run("booking cancel-for " + reference + " --reason \"Sold twice\"");

		var history = run("audit --booking " + reference.toLowerCase());
		assertThat(history).contains("WHEN", "BEFORE -> AFTER");
		assertThat(history.lines().filter((line) -> line.contains("|" + reference))).hasSize(2);
		assertThat(history).containsPattern("\\|admin\\s*\\|cancelBookingFor\\s*\\|" + reference)
			.containsPattern("\\|" + buyer + "\\s*\\|reserveSeats\\s*\\|" + reference)
			.containsPattern("\\|Cancel");
		assertThat(history.indexOf("cancelBookingFor")).isLessThan(history.indexOf("reserveSeats"));
		assertThat(run("audit --event " + event + " --limit 1")).contains("cancelBookingFor")
			.doesNotContain("blockSeats");
		assertThat(run("audit --user nobody-here")).isEqualTo("No audit entries found");

		var file = Path.of("target", "exports", "audit-" + unique() + ".csv");
		Files.createDirectories(file.getParent());
		assertThat(run("audit --event " + event + " --file " + file)).isEqualTo("Wrote 4 audit entries to " + file);
		var csv = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("at,actor,action,event_id,booking_id,reference,username,summary,before,after")
			.contains(",admin,blockSeats," + event + ",").contains(",admin,createEvent," + event + ",")
			.contains("Sold twice");
		assertThat(run("audit --event " + event + " --csv")).startsWith("at,actor,action,");
		assertThat(status("audit --event nosuchevent00")).isEqualTo(5);
		assertThat(status("audit --limit 0")).isEqualTo(2);
	}

	@Test
	void invokeWritesTheFunctionsJson() throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 2");
		assertThat(run("invoke eventSeats --body {\"eventId\":\"" + event + "\"}"))
			.startsWith("{\"eventId\":\"" + event + "\"")
			.contains("{\"seat\":\"A1\",\"status\":\"AVAILABLE\",\"category\":\"Standard\",\"price\":0}");
	}

	@Test
	void invokeReportsARefusalAsTheContractsJson(CapturedOutput output) throws Exception {
		assertThat(status("invoke eventSeats --body {\"eventId\":\"nosuchevent00\"}")).isEqualTo(5);
		assertThat(output.getErr()).contains("{\"error\":\"NOT_FOUND\",\"message\":");
	}

	@Test
	void venuesAndEventsMayBeGivenByTheirExactNames(CapturedOutput output) throws Exception {
		run("login admin");
		var hall = "Grand Hall " + unique();
		var venue = idIn(run("venue create --name \"" + hall + "\" --rows 1 --seats-per-row 3"));
		var name = "Nutcracker " + unique();
		var event = idIn(run("event create --venue \"" + hall.toUpperCase() + "\" --name \"" + name
				+ "\" --starts-at 2031-03-01T20:00:00Z"));
		assertThat(run("seats \"" + name.toLowerCase() + "\"")).contains("3 of 3 seats free");
		assertThat(run("book \"" + name + "\" A1")).startsWith("Booked A1: booking ");
		assertThat(run("bookings find --event \"" + name + "\"")).contains(name).contains("A1");
		assertThat(run("dashboard --event \"" + name + "\"")).contains(event);
		assertThat(run("export --event \"" + name + "\"")).contains(name);
		assertThat(run("event update \"" + name + "\" --description Ballet")).contains("(" + event + ")");
		assertThat(run("seats block \"" + name + "\" A3")).isEqualTo("Blocked A3 of event " + event);
		assertThat(run("seats admin \"" + name + "\"")).contains("# blocked").contains("|A1");
		assertThat(run("seats unblock \"" + name + "\" A3")).isEqualTo("Unblocked A3 of event " + event);
		assertThat(run("review \"" + name + "\" --rating 5")).contains(event);
		assertThat(run("reviews \"" + name + "\"")).startsWith("Average 5.0 of 5 from 1 review(s)");
		assertThat(run("audit --event \"" + name + "\"")).contains("reserveSeats").contains("blockSeats");
		assertThat(run("seats " + event)).contains("2 of 3 seats free");

		var second = idIn(run("event create --venue " + venue + " --name \"" + name
				+ "\" --starts-at 2031-04-01T20:00:00Z"));
		assertThat(status("seats \"" + name + "\"")).isEqualTo(2);
		assertThat(output.getErr()).contains("Several events are named " + name + ": " + event + ", " + second
				+ "; give the event's id");
		assertThat(run("event cancel " + second)).startsWith("Event " + second + " is CANCELLED");
		assertThat(status("event create --venue \"No hall " + unique() + "\" --name X --starts-at 2031-04-01T20:00:00Z"))
			.isEqualTo(5);
	}

	@Test
	void invokeWithoutAFunctionIsAUsageError(CapturedOutput output) {
		assertThat(status("invoke --body {}")).isEqualTo(2);
		assertThat(output.getErr()).contains("usage: invoke FUNCTION [--body JSON] [--token T] [--url URL]")
			.doesNotContain("NOT_FOUND");
	}

	@Test
	void invokeWithTheUrlOfNoRunnerIsUnreachable(CapturedOutput output) throws Exception {
		int port;
		try (var socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		assertThat(status("invoke browseEvents --body {} --url http://localhost:" + port)).isEqualTo(9);
		assertThat(output.getErr()).contains("{\"error\":\"UNREACHABLE\",\"message\":\"Cannot call the runner: ");
	}

	@Test
	void versionIsSeatlinesOwn() throws Exception {
		assertThat(run("version")).matches("Seatline \\d+\\.\\d+\\.\\d+\\S*, built .*");
	}

	@Test
	void helpOfACommandAndItsHelpOptionShowOneOptionALine() {
		var venue = output("help venue create");
		assertThat(output("venue create --help")).isEqualTo(venue);
		assertThat(venue).startsWith("venue create - Create a venue: ")
			.containsPattern("\n  --name NAME +the venue's name \\(required\\)\n")
			.containsPattern("\n  --rows N +rows of seats, lettered A, B, ...\n")
			.containsPattern("\n  --seats-per-row N +seats in each row\n")
			.doesNotContain("Integer", "String", "Optional", "default =");
		var book = output("help book");
		assertThat(output("book --help")).isEqualTo(book);
		assertThat(book).contains("book EVENT SEAT...: books every seat named").doesNotContain("Optional", "default =");
	}

	@Test
	void helpListsTheCommandsAndDescribesEach() throws Exception {
		var help = run("help");
		assertThat(help).contains("login", "logout", "whoami", "events", "seats", "book", "bookings", "cancel",
				"review", "reviews", "venue create", "venues", "event create", "dashboard", "export", "invoke");
		assertThat(run("help book")).contains("book - Book seats of an event");
		assertThat(run("review --help")).contains("a second review of the same event replaces the first");
	}

	@Test
	void everyCommandExplainsItselfAndReportsItsRefusals() {
		var commands = this.registry.getCommands()
			.stream()
			.filter((command) -> command instanceof MethodInvokerCommandAdapter)
			.map(MethodInvokerCommandAdapter.class::cast)
			.toList();
		assertThat(commands).hasSize(41);
		for (var command : commands) {
			assertThat(command.getDescription()).as(command.getName()).isNotBlank().isNotEqualTo("N/A");
			assertThat(command.getHelp()).as(command.getName()).isNotBlank();
			assertThat(command.getExitStatusExceptionMapper()).as(command.getName()).isNotNull();
		}
	}

	@Test
	void tabCompletesCommandsAndTheirOptions() {
		assertThat(complete("ven")).contains("venue create", "venues");
		assertThat(complete("venue create --")).contains("--name", "--rows", "--seats-per-row", "--capacity",
				"--time-zone");
		assertThat(complete("events --venue hall --")).contains("--from", "--to").doesNotContain("--venue");
	}

	@Test
	void aScriptStopsAtTheFirstFailingCommand(CapturedOutput output) throws Exception {
		var script = Path.of("target", "scripts", "script-" + unique() + ".txt");
		Files.createDirectories(script.getParent());
		Files.writeString(script, """
				# comments and blank lines are skipped

				login admin
				seats nosuchevent00
				whoami
				""");
		var out = new StringWriter();
		assertThat(this.runner.runArguments(new String[] { "@" + script }, new PrintWriter(out), new InputReader() {
		})).isEqualTo(5);
		assertThat(out.toString()).contains("Signed in as admin");
		assertThat(out.toString().lines()).doesNotContain("admin (ADMIN)");
		assertThat(output.getErr()).contains("Stopped at " + script + " line 4: seats nosuchevent00");
	}

	@Test
	void argumentsAreOneCommandLineWithOptionValuesKeptWhole() {
		assertThat(this.runner.commandLine(new String[] { "invoke", "a|b", "--token", "-starts-with-a-dash" }))
			.isEqualTo("invoke a|b --token=\"-starts-with-a-dash\"");
		assertThat(this.runner.commandLine(new String[] { "review", "e1", "--text", "Great \"show\"" }))
			.isEqualTo("review e1 --text=\"Great \\\"show\\\"\"");
		assertThat(this.runner.commandLine(new String[] { "book", "e1", "A1 A2" })).isEqualTo("book e1 \"A1 A2\"");
	}

	@Test
	void adminEditsAnEventThenCallsItOff(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 3");
		run("login " + newUser());
		run("book " + event + " A1 A2");
		run("login admin");
		assertThat(run("event update " + event + " --name \"Moved show\" --starts-at 2031-02-01T21:00:00+01:00"))
			.isEqualTo("Updated event Moved show (" + event + ") on 2031-02-01 20:00 UTC");
		assertThat(run("event cancel " + event + " --reason \"The roof leaks\""))
			.isEqualTo("Event " + event + " is CANCELLED; 1 booking(s) cancelled");
		assertThat(run("events --from 2031-02-01 --to 2031-02-01")).contains(event).contains("CANCELLED");
		assertThat(run("seats " + event)).contains("3 of 3 seats free");
		assertThat(status("event cancel " + event)).isEqualTo(6);
		assertThat(status("event update " + event + " --name Again")).isEqualTo(6);
		assertThat(output.getErr()).contains("Error [CONFLICT]: The event is cancelled");
		assertThat(status("event cancel nope")).isEqualTo(5);
	}

	@Test
	void aUserIsRefusedEditingAndCancellingEvents(CapturedOutput output) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 2");
		run("login " + newUser());
		assertThat(status("event update " + event + " --name Mine")).isEqualTo(4);
		assertThat(status("event cancel " + event)).isEqualTo(4);
		assertThat(output.getErr()).contains("Error [FORBIDDEN]: ");
	}

	@Test
	void adminListsDisablesAndEnablesAccounts(CapturedOutput output) throws Exception {
		var user = newUser();
		run("login admin");
		assertThat(run("accounts --query " + user.toUpperCase())).contains(user).contains("active");
		assertThat(run("account disable " + user)).isEqualTo("Account " + user + " disabled; 0 sessions ended");
		assertThat(run("accounts --query " + user)).contains("DISABLED");
		assertThat(status("login " + user)).isEqualTo(3);
		run("login admin");
		assertThat(status("account disable admin")).isEqualTo(6);
		assertThat(status("account enable nobody" + unique())).isEqualTo(5);
		assertThat(run("account enable " + user)).isEqualTo("Account " + user + " enabled");
		assertThat(run("login " + user)).startsWith("Signed in as " + user);
		assertThat(status("accounts")).isEqualTo(4);
		assertThat(status("account disable admin")).isEqualTo(4);
		assertThat(output.getErr()).contains("Error [FORBIDDEN]: ");
	}

	private List<String> complete(String line) {
		var candidates = new ArrayList<Candidate>();
		this.completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
		return candidates.stream().map(Candidate::value).toList();
	}

	private String run(String line) throws Exception {
		return String.join("\n", this.client.sendCommand(line).lines()).stripTrailing();
	}

	/** One command line through the runner (as the shell runs it), its output. */
	private String execute(String line) {
		var out = new StringWriter();
		this.runner.execute(line, new PrintWriter(out), new InputReader() {
		});
		return out.toString().stripTrailing();
	}

	private CommandContext context(String command, InputReader input) {
		return new CommandContext(ParsedInput.builder().commandName(command).build(), this.registry,
				new PrintWriter(new StringWriter()), input);
	}

	/** Someone typing these lines at the masked prompts, one each. */
	private static InputReader typing(String... lines) {
		var typed = new ArrayDeque<>(List.of(lines));
		return new InputReader() {
			@Override
			public char[] readPassword(String prompt) {
				return typed.remove().toCharArray();
			}
		};
	}

	private String field(String function, String body, String field) {
		var result = this.functions.invoke(function, body.getBytes(StandardCharsets.UTF_8), null);
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(this.functions.toJson(result.payload()))
			.path(field)
			.asString();
	}

	private void call(String function, String body, String token) {
		this.functions.invoke(function, body.getBytes(StandardCharsets.UTF_8), token);
	}

	private String output(String line) {
		var out = new StringWriter();
		assertThat(this.runner.execute(line, new PrintWriter(out), new InputReader() {
		})).as(line).isZero();
		return out.toString();
	}

	private int status(String line) {
		return this.runner.execute(line, new PrintWriter(new StringWriter()), new InputReader() {
		});
	}

	private String newUser() throws Exception {
		var username = "user" + unique();
		assertThat(run("register " + username + " --email " + username + "@example.com")).startsWith("Registered ");
		return username;
	}

	private String newEvent(String seats) throws Exception {
		run("login admin");
		var venue = idIn(run("venue create --name \"Venue " + unique() + "\" " + seats));
		return idIn(run("event create --venue " + venue + " --name \"Show " + unique()
				+ "\" --starts-at 2031-01-01T20:00:00Z"));
	}

	/** A new event of two seats, A1 booked by the user, who is signed in. */
	private String eventBookedBy(String user) throws Exception {
		var event = newEvent("--rows 1 --seats-per-row 2");
		run("login " + user);
		run("book " + event + " A1");
		return event;
	}

	private void call(String function, String body) {
		this.functions.invoke(function, body.getBytes(StandardCharsets.UTF_8), null);
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
