package io.seatline.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.seatline.runner.Api.assertError;
import static io.seatline.runner.Api.assertField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The box office's event and account functions over HTTP (issue 11): {@code updateEvent}, {@code cancelEvent},
 * {@code listAccounts}, {@code disableAccount}, {@code enableAccount}; their emails as jobs in the SQLite file and as
 * files in the outbox the runner's worker writes.
 */
class BoxOfficeTests extends RunnerTestSupport {

	private static final Path OUTBOX = Path.of("target", "outbox");

	Api http;

	String admin;

	SqliteFile file;

	@BeforeEach
	void signIn() {
		this.http = api();
		this.admin = this.http.adminToken();
		this.file = new SqliteFile(DATABASE);
	}

	// --- updateEvent

	@Test
	void updateEventEditsWhatIsGivenAndAMoveEmailsEveryBookerAndMovesTheReviewPrompts() throws Exception {
		var event = this.http.newEvent("Hamlet", 1, 4);
		var first = booking(this.http.newUser(unique("moved")), event, "A1", "A2");
		var second = booking(this.http.newUser(unique("moved")), event, "A3");
		var before = startsAt(event);
		var promptBefore = dueAt("review-prompt." + first);

		var renamed = this.http.ok("updateEvent", Map.of("eventId", event, "name", " Hamlet\u00a0 (matinée) "),
				this.admin);
		assertThat(renamed.get("name").asString()).isEqualTo("Hamlet (matinée)");
		assertThat(renamed.get("startsAt").asString()).isEqualTo(before.toString());
		assertThat(renamed.get("description").asString()).isEqualTo("A test event");
		assertThat(emailJobs(first, "EVENT_MOVED")).isEmpty();

		var later = before.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
		var moved = this.http.ok("updateEvent",
				Map.of("eventId", event, "startsAt", later.atOffset(ZoneOffset.ofHours(2)).toString(),
						"description", ""),
				this.admin);
		assertThat(moved.get("eventId").asString()).isEqualTo(event);
		assertThat(moved.get("startsAt").asString()).isEqualTo(later.toString());
		assertThat(moved.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(moved.get("availableSeats").asInt()).isEqualTo(1);
		assertThat(moved.get("totalSeats").asInt()).isEqualTo(4);
		assertThat(moved.get("venue").get("name").asString()).isNotBlank();
		assertThat(moved.get("description").isNull()).isTrue();
		var listed = listed(event);
		assertThat(listed.get("startsAt").asString()).isEqualTo(later.toString());
		assertThat(listed.get("name").asString()).isEqualTo("Hamlet (matinée)");

		// one move email per booking, with the time it moved from
		for (var booking : List.of(first, second)) {
			var jobs = emailJobs(booking, "EVENT_MOVED");
			assertThat(jobs).hasSize(1);
			assertThat(this.file.column("select previous_starts_at from email_jobs where id = ?", jobs.get(0)))
				.containsExactly(Long.toString(before.toEpochMilli()));
		}
		// the prompt waits for the new start
		assertThat(dueAt("review-prompt." + first)).isEqualTo(promptBefore + Duration.ofDays(2).toMillis());
		var mail = awaitMail(emailJobs(first, "EVENT_MOVED").get(0));
		assertThat(mail).contains("has moved from " + when(before) + " to " + when(later));
	}

	@Test
	void updateEventRefusesBadFieldsStrangersAndUnknownEvents() {
		var event = this.http.newEvent("Macbeth", 1, 2);
		var user = this.http.newUser(unique("editor"));
		assertError(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\",\"name\":\"X\"}", null), 401,
				"UNAUTHENTICATED");
		assertError(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\",\"name\":\"X\"}", user), 403,
				"FORBIDDEN");
		assertError(this.http.post("updateEvent", "{\"eventId\":\"nope\",\"name\":\"X\"}", this.admin), 404,
				"NOT_FOUND");
		assertField(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\",\"name\":\"  \"}", this.admin),
				"name");
		assertField(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\",\"name\":\"" + "n".repeat(201)
				+ "\"}", this.admin), "name");
		assertField(this.http.post("updateEvent",
				"{\"eventId\":\"" + event + "\",\"startsAt\":\"10000-01-01T00:00:00Z\"}", this.admin), "startsAt");
		assertField(this.http.post("updateEvent",
				"{\"eventId\":\"" + event + "\",\"startsAt\":\"2001-01-01T00:00:00Z\"}", this.admin), "startsAt");
		assertField(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\",\"name\":5}", this.admin), "name");
		assertError(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\"}", this.admin), 400,
				"INVALID_REQUEST");
		assertError(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\",\"colour\":\"red\"}", this.admin),
				400, "INVALID_REQUEST");
		assertThat(listed(event).get("name").asString()).isEqualTo("Macbeth");
	}

	// --- cancelEvent

	@Test
	void cancelEventCancelsEveryConfirmedBookingReleasesItsSeatsAndEmailsEachBookerOnce() throws Exception {
		var event = this.http.newEvent("Othello", 2, 3);
		var ann = this.http.newUser(unique("ann"));
		var bob = this.http.newUser(unique("bob"));
		var first = booking(ann, event, "A1", "A2");
		var second = booking(bob, event, "B1");
		var withdrawn = booking(ann, event, "B3");
		this.http.ok("cancelBooking", Map.of("bookingId", withdrawn), ann);
		var seatVersion = this.file.column("select seat_version from events where id = ?", event).get(0);

		var cancelled = this.http.ok("cancelEvent", Map.of("eventId", event, "reason", "The lead is ill"), this.admin);
		assertThat(cancelled.get("eventId").asString()).isEqualTo(event);
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("bookingsCancelled").asInt()).isEqualTo(2);

		// the seats are free, the counts and the seat version moved, and the event stays listed as cancelled
		var seats = this.http.ok("eventSeats", Map.of("eventId", event), null);
		assertThat(seats.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(seats.get("seats").findValues("status")).extracting(JsonNode::asString).containsOnly("AVAILABLE");
		assertThat(listed(event).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(listed(event).get("availableSeats").asInt()).isEqualTo(6);
		assertThat(Long.parseLong(this.file.column("select seat_version from events where id = ?", event).get(0)))
			.isGreaterThan(Long.parseLong(seatVersion));
		assertThat(this.http.ok("myBookings", "{}", ann).findValues("status")).extracting(JsonNode::asString)
			.containsOnly("CANCELLED");

		// exactly one EVENT_CANCELLED email per cancelled booking, none for the one cancelled before; prompts off
		assertThat(emailJobs(first, "EVENT_CANCELLED")).containsExactly("event-cancelled." + first);
		assertThat(emailJobs(second, "EVENT_CANCELLED")).containsExactly("event-cancelled." + second);
		assertThat(emailJobs(withdrawn, "EVENT_CANCELLED")).isEmpty();
		assertThat(this.file.column("select count(*) from email_jobs where kind = 'EVENT_CANCELLED' and booking_id in "
				+ "(select id from bookings where event_id = ?)", event)).containsExactly("2");
		assertThat(this.file.column("select status from email_jobs where id in (?, ?)", "review-prompt." + first,
				"review-prompt." + second)).containsOnly("CANCELLED");
		assertThat(awaitMail("event-cancelled." + first)).contains("Othello is cancelled").contains("The lead is ill");
		assertThat(awaitMail("event-cancelled." + second)).contains("The lead is ill");

		// no more bookings, reviews, edits or cancellations
		assertError(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\"]}", bob), 409,
				"CONFLICT");
		assertError(this.http.post("submitReview", "{\"eventId\":\"" + event + "\",\"rating\":1}", bob), 409,
				"CONFLICT");
		assertError(this.http.post("updateEvent", "{\"eventId\":\"" + event + "\",\"name\":\"Again\"}", this.admin),
				409, "CONFLICT");
		assertError(this.http.post("cancelEvent", "{\"eventId\":\"" + event + "\"}", this.admin), 409, "CONFLICT");
		assertThat(emailJobs(first, "EVENT_CANCELLED")).hasSize(1);
	}

	@Test
	void cancelEventRefusesStrangersAndUnknownEventsAndChangesNothing() {
		var event = this.http.newEvent("Lear", 1, 2);
		var user = this.http.newUser(unique("stranger"));
		booking(user, event, "A1");
		assertError(this.http.post("cancelEvent", "{\"eventId\":\"" + event + "\"}", null), 401, "UNAUTHENTICATED");
		assertError(this.http.post("cancelEvent", "{\"eventId\":\"" + event + "\"}", user), 403, "FORBIDDEN");
		assertError(this.http.post("cancelEvent", "{\"eventId\":\"nope\"}", this.admin), 404, "NOT_FOUND");
		assertError(this.http.post("cancelEvent", "{\"eventId\":42}", this.admin), 404, "NOT_FOUND");
		assertField(this.http.post("cancelEvent", "{}", this.admin), "eventId");
		assertField(this.http.post("cancelEvent", "{\"eventId\":\"" + event + "\",\"reason\":\"" + "r".repeat(1001)
				+ "\"}", this.admin), "reason");
		assertThat(listed(event).get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(listed(event).get("availableSeats").asInt()).isEqualTo(1);
	}

	// --- accounts

	@Test
	void listAccountsFindsUsernamesInAnyCaseWithTheirBookings() {
		var tag = unique("Finder");
		var user = this.http.newUser(tag);
		booking(user, this.http.newEvent("Tempest", 1, 2), "A1");
		var found = this.http.ok("listAccounts", Map.of("query", tag.toUpperCase()), this.admin);
		assertThat(found).hasSize(1);
		var account = found.get(0);
		assertThat(account.get("username").asString()).isEqualTo(tag);
		assertThat(account.get("email").asString()).isEqualTo(tag + "@example.org");
		assertThat(account.get("role").asString()).isEqualTo("USER");
		assertThat(account.get("disabled").asBoolean()).isFalse();
		assertThat(account.get("bookings").asLong()).isEqualTo(1);
		assertThat(Instant.parse(account.get("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(this.http.ok("listAccounts", Map.of("limit", 1), this.admin)).hasSize(1);
		assertThat(this.http.ok("listAccounts", Map.of("query", "%"), this.admin)).isEmpty();
		assertThat(this.http.ok("listAccounts", Map.of("limit", 1000), this.admin).findValues("username"))
			.extracting(JsonNode::asString).contains("admin", tag);
		assertField(this.http.post("listAccounts", "{\"limit\":0}", this.admin), "limit");
		assertField(this.http.post("listAccounts", "{\"limit\":\"5\"}", this.admin), "limit");
		assertError(this.http.post("listAccounts", "{}", user), 403, "FORBIDDEN");
		assertError(this.http.post("listAccounts", "{}", null), 401, "UNAUTHENTICATED");
	}

	@Test
	void aDisabledAccountLosesItsSessionsCannotSignInKeepsItsBookingsAndIsEnabledAgain() {
		var name = unique("disabled");
		var user = this.http.newUser(name);
		var event = this.http.newEvent("Twelfth Night", 1, 3);
		var booking = booking(user, event, "A1");

		var disabled = this.http.ok("disableAccount", Map.of("username", name.toUpperCase()), this.admin);
		assertThat(disabled.get("username").asString()).isEqualTo(name);
		assertThat(disabled.get("disabled").asBoolean()).isTrue();
		assertThat(disabled.get("sessionsEnded").asInt()).isEqualTo(1);
		// its token is dead everywhere
		assertError(this.http.post("myBookings", "{}", user), 401, "UNAUTHENTICATED");
		assertError(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A2\"]}", user), 401,
				"UNAUTHENTICATED");
		assertError(this.http.post("cancelBooking", "{\"bookingId\":\"" + booking + "\"}", user), 401,
				"UNAUTHENTICATED");
		// the right password is refused as a wrong one is: the answer does not tell them apart
		var right = this.http.post("login", "{\"username\":\"" + name + "\",\"password\":\"password-1\"}", null);
		var wrong = this.http.post("login", "{\"username\":\"" + name + "\",\"password\":\"password-2\"}", null);
		assertError(right, 401, "INVALID_CREDENTIALS");
		assertThat(right.body()).isEqualTo(wrong.body()).contains("disabled");
		// its bookings stay
		var account = this.http.ok("listAccounts", Map.of("query", name), this.admin).get(0);
		assertThat(account.get("disabled").asBoolean()).isTrue();
		assertThat(account.get("bookings").asLong()).isEqualTo(1);
		assertThat(this.http.ok("eventSeats", Map.of("eventId", event), null).get("seats").get(0).get("status")
			.asString()).isEqualTo("BOOKED");
		assertError(this.http.post("disableAccount", "{\"username\":\"" + name + "\"}", this.admin), 409, "CONFLICT");

		var enabled = this.http.ok("enableAccount", Map.of("username", name), this.admin);
		assertThat(enabled.get("disabled").asBoolean()).isFalse();
		var again = this.http.login(name, "password-1");
		assertThat(this.http.ok("myBookings", "{}", again).get(0).get("bookingId").asString()).isEqualTo(booking);
		assertError(this.http.post("enableAccount", "{\"username\":\"" + name + "\"}", this.admin), 409, "CONFLICT");
	}

	@Test
	void disablingAndEnablingAccountsIsRefusedToStrangersForUnknownNamesAndForTheAdminItself() {
		var name = unique("other");
		var user = this.http.newUser(name);
		assertError(this.http.post("disableAccount", "{\"username\":\"admin\"}", this.admin), 409, "CONFLICT");
		assertError(this.http.post("disableAccount", "{\"username\":\"" + name + "\"}", null), 401,
				"UNAUTHENTICATED");
		assertError(this.http.post("disableAccount", "{\"username\":\"admin\"}", user), 403, "FORBIDDEN");
		assertError(this.http.post("enableAccount", "{\"username\":\"" + name + "\"}", user), 403, "FORBIDDEN");
		assertError(this.http.post("enableAccount", "{\"username\":\"" + name + "\"}", null), 401,
				"UNAUTHENTICATED");
		assertError(this.http.post("disableAccount", "{\"username\":\"nobody-" + unique("x") + "\"}", this.admin),
				404, "NOT_FOUND");
		assertError(this.http.post("enableAccount", "{\"username\":\"nobody-" + unique("x") + "\"}", this.admin),
				404, "NOT_FOUND");
		assertField(this.http.post("disableAccount", "{}", this.admin), "username");
		assertField(this.http.post("disableAccount", "{\"username\":\"a b\"}", this.admin), "username");
		// nothing changed
		assertThat(this.http.ok("currentUser", "{}", user).get("username").asString()).isEqualTo(name);
		assertThat(this.http.ok("currentUser", "{}", this.admin).get("username").asString()).isEqualTo("admin");
	}

	// --- helpers

	private String booking(String token, String event, String... seats) {
		return this.http.reserve(token, event, seats).get("bookingId").asString();
	}

	private JsonNode listed(String event) {
		for (var listed : this.http.ok("browseEvents", Map.of("from", "2000-01-01"), null)) {
			if (listed.get("eventId").asString().equals(event)) {
				return listed;
			}
		}
		throw new AssertionError("browseEvents does not list " + event);
	}

	private Instant startsAt(String event) {
		return Instant.parse(listed(event).get("startsAt").asString());
	}

	private List<String> emailJobs(String booking, String kind) throws Exception {
		return this.file.column("select id from email_jobs where booking_id = ? and kind = ? order by id", booking,
				kind);
	}

	private long dueAt(String job) throws Exception {
		return Long.parseLong(this.file.column("select due_at from email_jobs where id = ?", job).get(0));
	}

	/** The text of the email a job wrote to the outbox, once the worker has written it. */
	private static String awaitMail(String jobId) throws Exception {
		var mail = OUTBOX.resolve(jobId + "_localhost.eml");
		var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!Files.exists(mail)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No email " + mail + " within 20 s");
			}
			Thread.sleep(50);
		}
		// the worker writes under a temporary name and renames: a file that exists is whole
		try (var in = Files.newInputStream(mail)) {
			var message = new MimeMessage(Session.getInstance(new Properties()), in);
			var text = ((Multipart) message.getContent()).getBodyPart(0).getContent();
			return message.getSubject() + "\n" + text;
		}
	}

	private static String when(Instant instant) {
		// the venues of these tests are in the default zone, UTC; the emails name it
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm '('VV')'", Locale.ENGLISH)
			.format(instant.atZone(ZoneId.of("UTC")));
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}
}
