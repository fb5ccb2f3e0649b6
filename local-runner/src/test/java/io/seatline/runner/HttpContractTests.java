package io.seatline.runner;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static io.seatline.runner.Api.assertError;
import static io.seatline.runner.Api.assertField;
import static org.assertj.core.api.Assertions.assertThat;

/** Every function of the contract and every error code, over HTTP, against a real SQLite file. */
class HttpContractTests extends RunnerTestSupport {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	Api http;

	String admin;

	@BeforeEach
	void signIn() {
		this.http = api();
		this.admin = this.http.login("admin", ADMIN_PASSWORD);
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	// --- the functions

	@Test
	void registerThenLoginGivesAToken() {
		var name = unique("Reg");
		var registered = this.http.post("register",
				"{\"username\":\"" + name + "\",\"email\":\"r@example.org\",\"password\":\"password-1\"}", null);
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.contentType()).startsWith("application/json");
		assertThat(registered.json().get("username").asString()).isEqualTo(name);
		assertThat(registered.json().get("userId").asString()).isNotBlank();

		var login = this.http.post("login", "{\"username\":\"" + name.toLowerCase() + "\",\"password\":\"password-1\"}",
				null);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("token").asString()).hasSizeGreaterThanOrEqualTo(22);
		assertThat(login.json().get("role").asString()).isEqualTo("USER");
		assertThat(login.json().get("username").asString()).isEqualTo(name);
		assertThat(Instant.parse(login.json().get("expiresAt").asString())).isAfter(Instant.now());
		assertThat(login.response().headers().firstValue("Authorization")).isEmpty();
	}

	@Test
	void adminCreatesVenuesOfRowsOrOfACapacityAndEventsAtThem() {
		var rows = ok(this.http.post("createVenue", "{\"name\":\"" + unique("Rows") + "\",\"rows\":27,\"seatsPerRow\":2}",
				this.admin));
		assertThat(rows.get("capacity").asInt()).isEqualTo(54);
		var event = ok(this.http.post("createEvent", "{\"venueId\":\"" + rows.get("venueId").asString()
				+ "\",\"name\":\"Gala\",\"startsAt\":\"2099-12-24T19:30:00+01:00\",\"description\":\"Black tie\"}",
				this.admin));
		assertThat(event.get("startsAt").asString()).isEqualTo("2099-12-24T18:30:00Z");
		assertThat(event.get("totalSeats").asInt()).isEqualTo(54);
		var seats = ok(this.http.post("eventSeats", "{\"eventId\":\"" + event.get("eventId").asString() + "\"}", null));
		assertThat(seats.get("seats").get(0).get("seat").asString()).isEqualTo("A1");
		assertThat(seats.get("seats").get(53).get("seat").asString()).isEqualTo("AA2");
		assertThat(seats.get("seats").get(0).get("status").asString()).isEqualTo("AVAILABLE");

		var numbered = ok(this.http.post("createVenue", "{\"name\":\"" + unique("Club") + "\",\"capacity\":3}",
				this.admin));
		var clubNight = newEventAt(numbered.get("venueId").asString(), "Club night");
		var clubSeats = ok(this.http.post("eventSeats", "{\"eventId\":\"" + clubNight + "\"}", null));
		assertThat(clubSeats.get("seats").findValues("seat")).extracting(JsonNode::asString)
			.containsExactly("1", "2", "3");
	}

	@Test
	void aVenueHasATimeZoneAndEveryEventViewShowsItsLocalStart() {
		var venueName = unique("New York Hall");
		var venue = ok(this.http.post("createVenue",
				"{\"name\":\"" + venueName + "\",\"capacity\":4,\"timeZone\":\"America/New_York\"}", this.admin));
		assertThat(venue.get("timeZone").asString()).isEqualTo("America/New_York");
		var venueId = venue.get("venueId").asString();
		assertThat((Iterable<JsonNode>) ok(this.http.post("listVenues", "{}", this.admin)))
			.filteredOn((listed) -> listed.get("venueId").asString().equals(venueId))
			.singleElement()
			.satisfies((listed) -> assertThat(listed.get("timeZone").asString()).isEqualTo("America/New_York"));
		// 20:00 on a summer evening in New York is midnight UTC
		var created = ok(this.http.post("createEvent", "{\"venueId\":\"" + venueId
				+ "\",\"name\":\"Late show\",\"startsAt\":\"2099-07-01T20:00:00-04:00\"}", this.admin));
		assertThat(created.get("startsAt").asString()).isEqualTo("2099-07-02T00:00:00Z");
		assertLocal(created);
		var event = created.get("eventId").asString();
		var buyer = this.http.newUser(unique("tz"));
		var booking = ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"1\"]}", buyer));
		assertLocal(ok(this.http.post("browseEvents", "{\"venue\":\"" + venueName + "\"}", null)).get(0));
		assertLocal(ok(this.http.post("eventSeats", "{\"eventId\":\"" + event + "\"}", null)));
		assertLocal(ok(this.http.post("myBookings", "{}", buyer)).get(0));
		assertLocal(ok(this.http.post("dashboard", "{\"eventId\":\"" + event + "\"}", this.admin)).get("events").get(0));
		assertLocal(ok(this.http.post("findBookings",
				"{\"reference\":\"" + booking.get("reference").asString() + "\"}", this.admin)).get(0));
		assertLocal(ok(this.http.post("adminSeatMap", "{\"eventId\":\"" + event + "\"}", this.admin)));
		// winter: five hours behind
		var moved = ok(this.http.post("updateEvent",
				"{\"eventId\":\"" + event + "\",\"startsAt\":\"2099-12-01T20:00:00-05:00\"}", this.admin));
		assertThat(moved.get("startsAt").asString()).isEqualTo("2099-12-02T01:00:00Z");
		assertThat(moved.get("localStartsAt").asString()).isEqualTo("2099-12-01T20:00:00-05:00");
	}

	@Test
	void anUnknownTimeZoneIsRefusedAndNoVenueIsCreated() {
		var venueName = unique("Atlantis");
		for (var zone : new String[] { "Atlantis/Capital", "+02:00", "europe/berlin", "UTC\\u0000" }) {
			var body = "{\"name\":\"" + venueName + "\",\"capacity\":4,\"timeZone\":\"" + zone + "\"}";
			var reply = this.http.post("createVenue", body, this.admin);
			assertField(reply, "timeZone");
			assertThat(reply.json().get("message").asString()).contains("time zone id such as Europe/Berlin");
		}
		assertError(this.http.post("createVenue",
				"{\"name\":\"" + venueName + "\",\"capacity\":4,\"timeZone\":7}", this.admin), 400,
				"INVALID_REQUEST");
		assertThat(ok(this.http.post("listVenues", "{}", this.admin)).findValues("name"))
			.extracting(JsonNode::asString)
			.doesNotContain(venueName);
		// without one, the configured default
		assertThat(ok(this.http.post("createVenue", "{\"name\":\"" + venueName + "\",\"capacity\":4}", this.admin))
			.get("timeZone").asString()).isEqualTo("UTC");
	}

	private static void assertLocal(JsonNode event) {
		assertThat(event.get("timeZone").asString()).as(event.toString()).isEqualTo("America/New_York");
		assertThat(event.get("localStartsAt").asString()).as(event.toString()).isEqualTo("2099-07-01T20:00:00-04:00");
		assertThat(event.get("startsAt").asString()).as(event.toString()).isEqualTo("2099-07-02T00:00:00Z");
	}

	@Test
	void browseEventsFiltersByVenueAndDatesInStartOrder() {
		var venueName = unique("Browse Arena");
		var venue = ok(this.http.post("createVenue", "{\"name\":\"" + venueName + "\",\"capacity\":5}", this.admin))
			.get("venueId").asString();
		var later = createEvent(venue, "Later", "2099-06-02T10:00:00Z");
		var sooner = createEvent(venue, "Sooner", "2099-06-01T23:30:00-02:00");
		var all = ok(this.http.post("browseEvents", "{\"venue\":\"" + venueName.toUpperCase().substring(2) + "\"}",
				null));
		assertThat(all.findValues("eventId")).extracting(JsonNode::asString).containsExactly(sooner, later);
		assertThat(all.get(0).get("venue").get("name").asString()).isEqualTo(venueName);
		assertThat(all.get(0).get("availableSeats").asInt()).isEqualTo(5);
		assertThat(all.get(0).get("totalSeats").asInt()).isEqualTo(5);

		var day = ok(this.http.post("browseEvents",
				"{\"venue\":\"" + venueName + "\",\"from\":\"2099-06-02\",\"to\":\"2099-06-02\"}", null));
		// 23:30 at -02:00 on June 1st is 01:30 UTC on June 2nd: both are on the 2nd in UTC, by start
		assertThat(day.findValues("eventId")).extracting(JsonNode::asString).containsExactly(sooner, later);
		var none = ok(this.http.post("browseEvents", "{\"venue\":\"" + venueName + "\",\"to\":\"2099-06-01\"}", null));
		assertThat(none).isEmpty();
		ok(this.http.post("browseEvents", "{}", null));
		assertThat(this.http.post("browseEvents", "", null).status()).isEqualTo(200);
	}

	@Test
	void browseEventsWithoutFromListsOnlyEventsNotYetStarted() {
		var venueName = unique("Started Hall");
		var venue = ok(this.http.post("createVenue", "{\"name\":\"" + venueName + "\",\"capacity\":5}", this.admin))
			.get("venueId").asString();
		var event = createEvent(venue, "Soon", Instant.now().plus(Duration.ofHours(1)).toString());
		assertThat(ok(this.http.post("browseEvents", "{\"venue\":\"" + venueName + "\"}", null))).hasSize(1);
		this.clock.travel(Duration.ofHours(2));
		assertThat(ok(this.http.post("browseEvents", "{\"venue\":\"" + venueName + "\"}", null))).isEmpty();
		var past = ok(this.http.post("browseEvents", "{\"venue\":\"" + venueName + "\",\"from\":\"2000-01-01\"}", null));
		assertThat(past.findValues("eventId")).extracting(JsonNode::asString).containsExactly(event);
	}

	@Test
	void bookingListingCancellingAndReviewingOverHttp() {
		var event = newEvent(2, 3);
		var buyer = unique("buyer");
		var user = this.http.newUser(buyer);
		var booking = ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"B1\",\"a2\"]}",
				user));
		assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(booking.get("seats").toString()).isEqualTo("[\"A2\",\"B1\"]");
		assertThat(booking.get("eventId").asString()).isEqualTo(event);
		assertThat(Instant.parse(booking.get("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
		var bookingId = booking.get("bookingId").asString();
		var reference = booking.get("reference").asString();
		assertThat(reference).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");

		var mine = ok(this.http.post("myBookings", "{}", user));
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("bookingId").asString()).isEqualTo(bookingId);
		assertThat(mine.get(0).get("reference").asString()).isEqualTo(reference);
		assertThat(mine.get(0).get("eventName").asString()).isEqualTo("Show");
		assertThat(mine.get(0).get("startsAt").asString()).endsWith("Z");

		var review = ok(this.http.post("submitReview",
				"{\"eventId\":\"" + event + "\",\"rating\":4,\"text\":\"<script>alert(1)</script> ok\"}", user));
		assertThat(review.get("text").asString()).isEqualTo("<script>alert(1)</script> ok");
		assertThat(review.get("rating").asInt()).isEqualTo(4);
		var reviews = ok(this.http.post("eventReviews", "{\"eventId\":\"" + event + "\"}", null));
		assertThat(reviews.get("count").asInt()).isEqualTo(1);
		assertThat(reviews.get("averageRating").asDouble()).isEqualTo(4.0);
		assertThat(reviews.get("reviews").get(0).get("username").asString()).isEqualTo(buyer);

		var cancelled = ok(this.http.post("cancelBooking", "{\"bookingId\":\"" + bookingId + "\"}", user));
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("bookingId").asString()).isEqualTo(bookingId);
		assertThat(cancelled.get("reference").asString()).isEqualTo(reference);
		var seats = ok(this.http.post("eventSeats", "{\"eventId\":\"" + event + "\"}", null));
		assertThat(seats.get("seats").findValues("status")).extracting(JsonNode::asString).containsOnly("AVAILABLE");
		assertThat(ok(this.http.post("myBookings", "{}", user)).get(0).get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void dashboardAndExportAgreeWithTheBookings() throws Exception {
		var event = newEvent(1, 4);
		var user = this.http.newUser(unique("fan"));
		var booking = ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\",\"A3\"]}",
				user));
		var bookingId = booking.get("bookingId").asString();
		var figures = ok(this.http.post("dashboard", "{\"eventId\":\"" + event + "\"}", this.admin));
		assertThat(figures.get("recentBookings").get(0).get("reference").asString())
			.isEqualTo(booking.get("reference").asString());
		assertThat(figures.get("totalSeats").asInt()).isEqualTo(4);
		assertThat(figures.get("bookedSeats").asInt()).isEqualTo(2);
		assertThat(figures.get("availableSeats").asInt()).isEqualTo(2);
		assertThat(figures.get("bookings").asInt()).isEqualTo(1);
		assertThat(figures.get("events").get(0).get("bookedSeats").asInt()).isEqualTo(2);
		var overall = ok(this.http.post("dashboard", "{}", this.admin));
		assertThat(overall.get("totalSeats").asInt()).isGreaterThanOrEqualTo(4);

		var csv = this.http.post("exportBookings", "{\"eventId\":\"" + event + "\"}", this.admin);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("booking_id,username,event,event_date,seats,booked_at,status");
		var record = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv.body())).getRecords().get(0);
		assertThat(record.get("booking_id")).isEqualTo(bookingId);
		assertThat(record.get("seats")).isEqualTo("A1 A3");
		assertThat(record.get("status")).isEqualTo("CONFIRMED");

		var download = this.http.get("/admin/export.csv?eventId=" + event, "Authorization", "Bearer " + this.admin);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.contentType()).startsWith("text/csv");
		assertThat(download.response().headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(value) -> assertThat(value).contains("attachment").contains("bookings.csv"));
		assertThat(download.body()).isEqualTo(csv.body());
		assertThat(this.http.get("/admin/export.csv").status()).isEqualTo(401);
		assertThat(this.http.get("/admin/export.csv", "Authorization", "Bearer " + user).status()).isEqualTo(403);
	}

	@Test
	void theCsvDownloadIsStreamedInChunksAsTheBookingsAreRead() {
		var event = newEvent(1, 1);
		int bookings = 20_000;
		// 20,000 cancelled bookings of A1 by the admin, written around the engine in one statement each
		var rows = "with recursive n(i) as (select 1 union all select i + 1 from n where i < " + bookings + ") ";
		var admin = this.jdbc.queryForObject("select id from accounts where username = 'admin'", String.class);
		this.jdbc.update(rows + "insert into bookings (id, version, event_id, account_id, status, created_at, cancelled_at,"
				+ " reference) select ? || i, 0, ?, ?, 'CANCELLED', i, i, ? || i from n", event, event, admin, "R" + event);
		this.jdbc.update(rows + "insert into booking_seats (booking_id, event_id, label, position, released_at)"
				+ " select ? || i, ?, 'A1', 0, i from n", event, event);
		var download = this.http.get("/admin/export.csv?eventId=" + event, "Authorization", "Bearer " + this.admin);
		assertThat(download.status()).isEqualTo(200);
		// a body sent as it is written has no length known up front: it goes in chunks
		assertThat(download.response().headers().firstValue("Content-Length")).isEmpty();
		assertThat(download.response().headers().firstValue("Transfer-Encoding")).hasValue("chunked");
		assertThat(download.contentType()).startsWith("text/csv");
		var lines = download.body().lines().toList();
		assertThat(lines).hasSize(bookings + 1);
		assertThat(lines.get(0)).isEqualTo("booking_id,username,event,event_date,seats,booked_at,status");
		assertThat(lines.get(bookings)).startsWith(event + bookings + ",admin,Show,").endsWith(",A1,1970-01-01T00:00:20Z,CANCELLED");
		assertError(this.http.get("/admin/export.csv?eventId=nosuchevent00", "Authorization", "Bearer " + this.admin),
				404, "NOT_FOUND");
	}

	@Test
	void adminsSeePendingAndFailedEmailsAndCanRetryThem() {
		var event = newEvent(1, 2);
		var user = this.http.newUser(unique("mailed"));
		var bookingId = ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\"]}", user))
			.get("bookingId").asString();
		var queue = ok(this.http.post("emailQueue", "{}", this.admin));
		// the review prompt waits for the event; the confirmation may already be sent to the outbox folder
		assertThat(queue.get("pending").findValues("jobId")).extracting(JsonNode::asString)
			.contains("review-prompt." + bookingId);
		assertThat(queue.get("failed").isArray()).isTrue();
		var dashboard = ok(this.http.post("dashboard", "{}", this.admin));
		var emails = dashboard.get("emails");
		assertThat(emails.get("pending").asInt()).isGreaterThanOrEqualTo(1);
		// the review prompt is due when the event starts: scheduled later, not part of a queue that looks stuck
		assertThat(emails.get("scheduledLater").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(emails.get("pending").asInt())
			.isEqualTo(emails.get("dueNow").asInt() + emails.get("scheduledLater").asInt());
		assertThat(ok(this.http.post("retryEmails", "{}", this.admin)).get("retried").asInt()).isZero();
		assertError(this.http.post("retryEmails", "{\"jobId\":\"nope\"}", this.admin), 404, "NOT_FOUND");
		assertError(this.http.post("retryEmails", "{\"jobId\":\"review-prompt." + bookingId + "\"}", this.admin), 409,
				"CONFLICT");
		assertError(this.http.post("emailQueue", "{}", user), 403, "FORBIDDEN");
		assertError(this.http.post("retryEmails", "{}", user), 403, "FORBIDDEN");
	}

	@Test
	void aCompositionPipesOneFunctionIntoTheNext() {
		var event = newEvent(1, 3);
		var user = this.http.newUser(unique("composer"));
		var seats = ok(this.http.post("reserveSeats,eventSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A2\"]}",
				user));
		assertThat(seats.get("eventId").asString()).isEqualTo(event);
		assertThat(seats.get("seats").get(1).get("status").asString()).isEqualTo("BOOKED");
		var piped = this.http.post("reserveSeats%7CeventSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A3\"]}",
				user);
		assertThat(piped.status()).isEqualTo(200);
	}

	@Test
	void aFailedCompositionChangesNothing() {
		var name = unique("Half Venue");
		var reply = this.http.post("createVenue,createEvent", "{\"name\":\"" + name + "\",\"capacity\":4}", this.admin);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("INVALID_REQUEST");
		assertThat(ok(this.http.post("listVenues", "{}", null)).findValues("name")).extracting(JsonNode::asString)
			.doesNotContain(name);
	}

	@Test
	void aCompositionWhoseStepCannotReadTheOutputBeforeItIsABadRequest() {
		var event = newEvent(1, 2);
		// eventSeats answers venue as an object; browseEvents takes venue as text
		var refused = this.http.post("eventSeats,browseEvents", "{\"eventId\":\"" + event + "\"}", null);
		assertError(refused, 400, "INVALID_REQUEST");
		assertThat(refused.json().get("message").asString()).contains("cannot take the output of the one before it");
	}

	@Test
	void aCompositionOfMoreThanTenStepsIsRefusedNamingTheLimit() {
		var event = newEvent(1, 2);
		var eleven = String.join(",", java.util.Collections.nCopies(11, "eventSeats"));
		var refused = this.http.post(eleven, "{\"eventId\":\"" + event + "\"}", null);
		assertError(refused, 400, "INVALID_REQUEST");
		assertThat(refused.json().get("message").asString()).contains("at most 10 steps");
		var ten = String.join(",", java.util.Collections.nCopies(10, "eventSeats"));
		assertThat(this.http.post(ten, "{\"eventId\":\"" + event + "\"}", null).status()).isEqualTo(200);
	}

	@Test
	void loginCannotBeComposedSoAWrongPasswordIsAlwaysCounted() {
		var name = unique("composed");
		this.http.newUser(name);
		for (int i = 0; i < 5; i++) {
			assertError(this.http.post("login,browseEvents",
					"{\"username\":\"" + name + "\",\"password\":\"wrong-one\"}", null), 400, "INVALID_REQUEST");
			assertError(this.http.post("login", "{\"username\":\"" + name + "\",\"password\":\"wrong-one\"}", null),
					401, "INVALID_CREDENTIALS");
		}
		assertError(this.http.post("login", "{\"username\":\"" + name + "\",\"password\":\"password-1\"}", null),
				429, "TOO_MANY_ATTEMPTS");
	}

	// --- the errors

	@Test
	void malformedOrMistypedInputIsInvalidRequestNamingTheField() {
		var event = newEvent(1, 2);
		var user = this.http.newUser(unique("typo"));
		assertError(this.http.post("reserveSeats", "{\"eventId\":", user), 400, "INVALID_REQUEST");
		assertError(this.http.post("reserveSeats", "not json at all", user), 400, "INVALID_REQUEST");
		assertField(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":\"A1\"}", user), "seats");
		assertField(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[]}", user), "seats");
		assertField(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\",\"A1\"]}", user),
				"seats");
		assertField(this.http.post("reserveSeats", "{\"seats\":[\"A1\"]}", user), "eventId");
		assertField(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"Q7\"]}", user),
				"seats");
		assertField(this.http.post("submitReview", "{\"eventId\":\"" + event + "\",\"rating\":\"five\"}", user),
				"rating");
		assertField(this.http.post("submitReview", "{\"eventId\":\"" + event + "\",\"rating\":9}", user), "rating");
		assertField(this.http.post("register", "{\"username\":\"x\",\"email\":\"x@example.org\",\"password\":\"password-1\"}",
				null), "username");
		assertField(this.http.post("register", "{\"username\":\"shorty\",\"email\":\"x@example.org\",\"password\":\"short\"}",
				null), "password");
		assertField(this.http.post("createVenue", "{\"name\":\"Nowhere\",\"rows\":0,\"seatsPerRow\":5}", this.admin),
				"rows");
		assertField(this.http.post("createEvent", "{\"venueId\":\"v\",\"name\":\"X\",\"startsAt\":\"next friday\"}",
				this.admin), "startsAt");
		assertField(this.http.post("browseEvents", "{\"from\":\"2026-13-01\"}", null), "from");
		var seats = ok(this.http.post("eventSeats", "{\"eventId\":\"" + event + "\"}", null));
		assertThat(seats.get("seats").findValues("status")).extracting(JsonNode::asString).containsOnly("AVAILABLE");
	}

	@Test
	void noTokenAnUnknownOneOrAnExpiredOneIsUnauthenticated() {
		assertError(this.http.post("myBookings", "{}", null), 401, "UNAUTHENTICATED");
		assertError(this.http.post("myBookings", "{}", "made-up-token"), 401, "UNAUTHENTICATED");
		assertError(this.http.call("myBookings", "{}", "Authorization", "Basic YWRtaW46eA=="), 401, "UNAUTHENTICATED");
		var user = this.http.newUser(unique("expiring"));
		this.clock.travel(Duration.ofHours(13));
		assertError(this.http.post("myBookings", "{}", user), 401, "UNAUTHENTICATED");
	}

	@Test
	void aWrongPasswordIsInvalidCredentialsAndRepeatedOnesAreTooManyAttempts() {
		var name = unique("guess");
		this.http.newUser(name);
		for (int i = 0; i < 5; i++) {
			assertError(this.http.post("login", "{\"username\":\"" + name + "\",\"password\":\"wrong-one\"}", null), 401,
					"INVALID_CREDENTIALS");
		}
		var locked = this.http.post("login", "{\"username\":\"" + name + "\",\"password\":\"password-1\"}", null);
		assertError(locked, 429, "TOO_MANY_ATTEMPTS");
		assertError(this.http.post("login", "{\"username\":\"nobody-at-all\",\"password\":\"whatever-1\"}", null), 401,
				"INVALID_CREDENTIALS");
	}

	@Test
	void usersCannotCallAdminFunctionsOrCancelOthersBookings() {
		var event = newEvent(1, 2);
		var owner = this.http.newUser(unique("owner"));
		var other = this.http.newUser(unique("other"));
		assertError(this.http.post("createVenue", "{\"name\":\"Mine\",\"capacity\":3}", other), 403, "FORBIDDEN");
		assertError(this.http.post("createEvent", "{\"venueId\":\"v\",\"name\":\"X\",\"startsAt\":\"2099-01-01T00:00:00Z\"}",
				other), 403, "FORBIDDEN");
		assertError(this.http.post("dashboard", "{}", other), 403, "FORBIDDEN");
		assertError(this.http.post("exportBookings", "{}", other), 403, "FORBIDDEN");
		var bookingId = ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\"]}", owner))
			.get("bookingId").asString();
		assertError(this.http.post("cancelBooking", "{\"bookingId\":\"" + bookingId + "\"}", other), 403, "FORBIDDEN");
		assertError(this.http.post("submitReview", "{\"eventId\":\"" + event + "\",\"rating\":5}", other), 403,
				"FORBIDDEN");
		assertThat(ok(this.http.post("myBookings", "{}", owner)).get(0).get("status").asString())
			.isEqualTo("CONFIRMED");
	}

	@Test
	void unknownIdsOfAnyShapeAreNotFound() {
		var user = this.http.newUser(unique("lost"));
		assertError(this.http.post("eventSeats", "{\"eventId\":\"no-such-event\"}", null), 404, "NOT_FOUND");
		assertError(this.http.post("eventSeats", "{\"eventId\":424242}", null), 404, "NOT_FOUND");
		assertError(this.http.post("eventReviews", "{\"eventId\":\"../../etc\"}", null), 404, "NOT_FOUND");
		assertError(this.http.post("reserveSeats", "{\"eventId\":\"nope\",\"seats\":[\"A1\"]}", user), 404,
				"NOT_FOUND");
		assertError(this.http.post("cancelBooking", "{\"bookingId\":\"nope\"}", user), 404, "NOT_FOUND");
		assertError(this.http.post("cancelBooking", "{\"bookingId\":7}", user), 404, "NOT_FOUND");
		assertError(this.http.post("createEvent",
				"{\"venueId\":\"nope\",\"name\":\"X\",\"startsAt\":\"2099-01-01T00:00:00Z\"}", this.admin), 404,
				"NOT_FOUND");
		assertError(this.http.post("dashboard", "{\"eventId\":\"nope\"}", this.admin), 404, "NOT_FOUND");
		assertError(this.http.post("noSuchFunction", "{}", null), 404, "NOT_FOUND");
	}

	@Test
	void takenSeatsAreSeatsUnavailableNamingThemAndNothingIsBooked() {
		var event = newEvent(1, 4);
		var first = this.http.newUser(unique("early"));
		var second = this.http.newUser(unique("late"));
		ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A2\",\"A3\"]}", first));
		var refused = this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\",\"A3\",\"A2\"]}",
				second);
		assertError(refused, 409, "SEATS_UNAVAILABLE");
		assertThat(refused.json().get("seats").toString()).isEqualTo("[\"A2\",\"A3\"]");
		assertThat(ok(this.http.post("myBookings", "{}", second))).isEmpty();
		var seats = ok(this.http.post("eventSeats", "{\"eventId\":\"" + event + "\"}", null));
		assertThat(seats.get("seats").get(0).get("status").asString()).isEqualTo("AVAILABLE");
	}

	@Test
	void takenNamesAStartedEventAndACancelledBookingAreConflicts() {
		var name = unique("Taken");
		this.http.newUser(name);
		assertError(this.http.post("register",
				"{\"username\":\"" + name.toUpperCase() + "\",\"email\":\"t@example.org\",\"password\":\"password-1\"}",
				null), 409, "CONFLICT");
		var venueName = unique("Taken Venue");
		ok(this.http.post("createVenue", "{\"name\":\"" + venueName + "\",\"capacity\":2}", this.admin));
		assertError(this.http.post("createVenue", "{\"name\":\"" + venueName.toLowerCase() + "\",\"capacity\":2}",
				this.admin), 409, "CONFLICT");

		var event = newEvent(1, 2);
		var canceller = unique("late-canceller");
		var user = this.http.newUser(canceller);
		var bookingId = ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\"]}", user))
			.get("bookingId").asString();
		ok(this.http.post("cancelBooking", "{\"bookingId\":\"" + bookingId + "\"}", user));
		assertError(this.http.post("cancelBooking", "{\"bookingId\":\"" + bookingId + "\"}", user), 409, "CONFLICT");

		var again = ok(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\"]}", user))
			.get("bookingId").asString();
		this.clock.travel(Duration.ofDays(2));
		var later = this.http.login(canceller, "password-1");
		assertError(this.http.post("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A2\"]}", later), 409,
				"CONFLICT");
		assertError(this.http.post("cancelBooking", "{\"bookingId\":\"" + again + "\"}", later), 409, "CONFLICT");
	}

	@Test
	void noBodyAnyFunctionIsGivenEverAnswersWithA500() {
		var user = this.http.newUser(unique("fuzzer"));
		var bodies = new String[] { "", "null", "[]", "[{}]", "42", "\"text\"", "{\"eventId\":null}",
				"{\"eventId\":[]}", "{\"eventId\":{\"a\":1}}", "{\"seats\":[null]}", "{\"seats\":[[\"A1\"]]}",
				"{\"rating\":1e400}", "{\"rows\":99999999999}", "{\"capacity\":-1}", "{\"startsAt\":12}",
				"{\"username\":{}}", "{\"from\":true}", "{\"bookingId\":false}", "{\"text\":\"\\u0000\"}",
				"{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "\u0000\u0001", "{\"eventId\":\"x\"}garbage" };
		var functions = new String[] { "register", "login", "logout", "currentUser", "browseEvents", "eventSeats",
				"eventReviews", "reserveSeats", "myBookings", "cancelBooking", "submitReview", "createVenue",
				"listVenues", "createEvent", "dashboard", "exportBookings", "emailQueue", "retryEmails",
				"changePassword", "resetPassword", "reserveSeats,eventSeats", "updateEvent", "cancelEvent",
				"listAccounts", "disableAccount", "enableAccount", "auditLog", "exportAuditLog" };
		for (var function : functions) {
			for (var token : new String[] { null, user, this.admin }) {
				for (var body : bodies) {
					var reply = this.http.post(function, body, token);
					assertThat(reply.status()).as("%s %s", function, body).isBetween(200, 499);
					if (reply.status() >= 400) {
						assertThat(reply.json().get("error").asString()).as("%s %s", function, body).isNotBlank();
						assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.seatline");
					}
				}
			}
		}
	}

	@Test
	void repliesNeverEchoTheRequestsHeaders() {
		var reply = this.http.post("myBookings", "{}", this.admin);
		assertThat(reply.response().headers().map().keySet()).noneMatch((name) -> name.equalsIgnoreCase("authorization"));
	}

	// --- helpers

	private static JsonNode ok(Api.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}



	private String newEvent(int rows, int seatsPerRow) {
		var venue = ok(this.http.post("createVenue", "{\"name\":\"" + unique("Venue") + "\",\"rows\":" + rows
				+ ",\"seatsPerRow\":" + seatsPerRow + "}", this.admin));
		return newEventAt(venue.get("venueId").asString(), "Show");
	}

	private String newEventAt(String venueId, String name) {
		return createEvent(venueId, name, Instant.now().plus(Duration.ofDays(1)).toString());
	}

	private String createEvent(String venueId, String name, String startsAt) {
		return ok(this.http.post("createEvent",
				"{\"venueId\":\"" + venueId + "\",\"name\":\"" + name + "\",\"startsAt\":\"" + startsAt + "\"}",
				this.admin)).get("eventId").asString();
	}

	private static String unique(String prefix) {
		return prefix + COUNTER.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
	}
}
