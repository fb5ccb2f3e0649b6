package io.seatline.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated calls over HTTP to a real runner on a real SQLite file: every function and compositions
 * of them, with bodies of wrong types, missing fields, huge strings, unicode, nested junk and malformed JSON, as
 * nobody, a user, the admin or a made-up token. Each answer is a success or the contract's 4xx with a code, never a
 * 5xx, and a refused call leaves the business tables as they were.
 */
class GeneratedInputTests {

	private static final Set<String> CODES = Set.of("INVALID_REQUEST", "UNAUTHENTICATED", "INVALID_CREDENTIALS",
			"FORBIDDEN", "NOT_FOUND", "SEATS_UNAVAILABLE", "CONFLICT", "TOO_MANY_ATTEMPTS", "METHOD_NOT_ALLOWED",
			"TOO_MANY_REQUESTS");

	private static final List<String> FUNCTIONS = List.of("register", "login", "browseEvents", "eventSeats",
			"eventReviews", "reserveSeats", "myBookings", "cancelBooking", "submitReview", "createVenue",
			"createEvent", "dashboard", "exportBookings", "listVenues", "currentUser", "emailQueue", "retryEmails",
			"ping", "logout", "blockSeats", "unblockSeats", "adminSeatMap", "findBookings", "cancelBookingFor",
			"auditLog", "exportAuditLog", "setVenueCategories", "holdSeats", "confirmHold", "releaseHold", "myHolds",
			"payHold", "holdStatus", "stripeWebhook", "functionRouter", "nope");

	private static final List<String> FIELDS = List.of("username", "email", "password", "venue", "from", "to",
			"eventId", "seats", "bookingId", "rating", "text", "name", "rows", "seatsPerRow", "capacity", "venueId",
			"startsAt", "description", "jobId", "reference", "reason", "limit", "timeZone", "categories", "currency",
			"prices", "colour", "holdId", "method", "returnUrl", "paidAtBoxOffice", "payload", "signature");

	// the business tables and what a refused call must not change in them (sessions and login failures change
	// by design: a wrong password is counted)
	private static final List<String> CHECKSUM = List.of("select count(*) from accounts",
			"select count(*) from venues", "select count(*) from events", "select count(*) from event_seats",
			"select count(*) from event_seats where status <> 'AVAILABLE'", "select count(*) from bookings",
			"select count(*) from bookings where status <> 'CONFIRMED'", "select count(*) from booking_seats",
			"select count(*) from reviews", "select total(rating) from reviews", "select count(*) from email_jobs",
			"select count(*) from audit_entries", "select count(*) from venue_categories",
			"select count(*) from event_categories", "select total(price) from event_categories",
			"select count(distinct currency) from events", "select count(*) from holds",
			"select count(*) from holds where status <> 'ACTIVE'", "select count(*) from payments",
			"select count(*) from payment_notices");

	private static final AtomicInteger CALLS = new AtomicInteger();

	private static final AtomicInteger REFUSED = new AtomicInteger();

	private static ConfigurableApplicationContext runner;

	private static Api http;

	private static Connection database;

	private static String admin;

	private static String user;

	private static String eventId;

	private static String venueId;

	private static String bookingId;

	@BeforeContainer
	static void startRunner() throws Exception {
		var file = Path.of("target", "test-db", "generated-" + UUID.randomUUID() + ".db").toAbsolutePath();
		Files.createDirectories(file.getParent());
		runner = new SpringApplicationBuilder(SeatlineRunner.class).properties(Map.of("DATABASE_URL",
				"jdbc:sqlite:" + file, "ADMIN_PASSWORD", RunnerTestSupport.ADMIN_PASSWORD, "server.port", "0",
				"seatline.jobs.worker", "false", "seatline.jobs.outbox-dir", "target/outbox",
				"seatline.accounts.max-failed-logins", "1000000"))
			.run();
		http = new Api(((WebServerApplicationContext) runner).getWebServer().getPort());
		database = DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1");
		admin = http.adminToken();
		user = http.newUser("fuzzed");
		eventId = http.newEvent("Fuzzed", 3, 4);
		venueId = http.ok("listVenues", "{}", null).get(0).get("venueId").asString();
		bookingId = http.reserve(user, eventId, "A1").get("bookingId").asString();
	}

	@AfterContainer
	static void stopRunner() throws SQLException {
		System.out.println("GeneratedInputTests: " + CALLS.get() + " generated calls ran, " + REFUSED.get()
				+ " of them refused with a 4xx, none answered 5xx");
		if (database != null) {
			database.close();
		}
		if (runner != null) {
			runner.close();
		}
	}

	@Property(tries = 2500)
	void anyBodyToAnyFunctionIsAnsweredByTheContract(@ForAll("calls") Call call, @ForAll("callers") String caller)
			throws SQLException {
		var definition = call.definition();
		var body = call.body();
		var token = switch (caller) {
			case "user" -> user;
			case "admin" -> admin;
			case "made-up" -> "made-up-token";
			default -> null;
		};
		if (token != null && definition.contains("logout")) {
			// a logout that succeeds would end the shared session
			token = http.login("fuzzed", "password-1");
		}
		var before = checksum();
		var reply = http.post(definition, body, token);
		CALLS.incrementAndGet();
		assertThat(reply.status()).as(definition + " " + abbreviated(body) + " -> " + abbreviated(reply.body()))
			.isBetween(200, 499);
		if (reply.status() >= 400) {
			REFUSED.incrementAndGet();
			assertThat(reply.contentType()).startsWith("application/json");
			assertThat(reply.error()).as(reply.body()).isIn(CODES);
			assertThat(checksum()).as(definition + " " + abbreviated(body) + " changed the database")
				.isEqualTo(before);
		}
	}

	/** A definition and a body: mostly the first function's own fields, with values of any type. */
	record Call(String definition, String body) {
	}

	@Provide
	Arbitrary<Call> calls() {
		var name = Arbitraries.of(FUNCTIONS);
		var definitions = Arbitraries.frequencyOf(Tuple.of(6, name.map(List::of)),
				Tuple.of(3, name.list().ofMinSize(2).ofMaxSize(4)), Tuple.of(1, name.list().ofSize(12)));
		return definitions.flatMap((names) -> bodies(names.get(0))
			.map((body) -> new Call(String.join(",", names), body)));
	}

	// the input fields of each function
	private static final Map<String, List<String>> INPUTS = Map.ofEntries(
			Map.entry("register", List.of("username", "email", "password")),
			Map.entry("login", List.of("username", "password")), Map.entry("browseEvents", List.of("venue", "from", "to")),
			Map.entry("eventSeats", List.of("eventId")), Map.entry("eventReviews", List.of("eventId")),
			Map.entry("reserveSeats", List.of("eventId", "seats")), Map.entry("cancelBooking", List.of("bookingId")),
			Map.entry("submitReview", List.of("eventId", "rating", "text")),
			Map.entry("createVenue", List.of("name", "rows", "seatsPerRow", "capacity", "timeZone", "categories")),
			Map.entry("createEvent", List.of("venueId", "name", "startsAt", "description", "currency", "prices")),
			Map.entry("setVenueCategories", List.of("venueId", "categories")),
			Map.entry("dashboard", List.of("eventId")), Map.entry("exportBookings", List.of("eventId", "prices")),
			Map.entry("retryEmails", List.of("jobId")), Map.entry("blockSeats", List.of("eventId", "seats")),
			Map.entry("unblockSeats", List.of("eventId", "seats")), Map.entry("adminSeatMap", List.of("eventId")),
			Map.entry("findBookings", List.of("reference", "username", "eventId")),
			Map.entry("cancelBookingFor", List.of("bookingId", "reference", "reason")),
			Map.entry("auditLog", List.of("eventId", "bookingId", "reference", "username", "limit")),
			Map.entry("exportAuditLog", List.of("eventId", "bookingId", "reference", "username", "limit")));

	@Provide
	Arbitrary<String> callers() {
		return Arbitraries.of("nobody", "user", "admin", "made-up");
	}

	private Arbitrary<String> bodies(String function) {
		var own = INPUTS.getOrDefault(function, List.of());
		var fields = own.isEmpty() ? Arbitraries.of(FIELDS)
				: Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(own)), Tuple.of(1, Arbitraries.of(FIELDS)));
		var objects = fields.list().ofMaxSize(6).uniqueElements().flatMap((names) -> {
			var entries = names.stream().map((field) -> valueOf(field).map((value) -> new java.util.AbstractMap.SimpleEntry<>(field, value))).toList();
			return Combinators.combine(entries).as((pairs) -> {
				var object = new java.util.LinkedHashMap<String, Object>();
				pairs.forEach((pair) -> object.put(pair.getKey(), pair.getValue()));
				return object;
			});
		}).map(Api::toJson);
		var junk = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
				Arbitraries.strings().withChars("{}[]\",:0123456789.eE-+tfnul \\").ofMaxLength(60),
				Arbitraries.integers().between(1, 5000).map((depth) -> "[".repeat(depth) + "]".repeat(depth)),
				Arbitraries.integers().between(1, 5000).map((depth) -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
				Arbitraries.of("", "{}", "null", "[]", "\"text\"", "42", "{\"eventId\":\"x\",\"eventId\":\"y\"}",
						"{} {}", "{\"seats\":[\"A1\"]"),
				Arbitraries.just("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}"));
		return Arbitraries.frequencyOf(Tuple.of(8, objects), Tuple.of(2, junk));
	}

	/** A value for a field: half the time one of the right kind (often at its edges), else of any type. */
	private Arbitrary<Object> valueOf(String field) {
		var years = Arbitraries.oneOf(Arbitraries.integers().between(-999_999_999, 999_999_999),
				Arbitraries.of(-999_999_999, -1, 0, 1969, 1970, 2099, 9999, 10000, 99999, 292_278_995, 999_999_999));
		Arbitrary<Object> plausible = switch (field) {
			case "from", "to" -> years.map((year) -> java.time.LocalDate.of(year, 12, 31).toString());
			case "startsAt" -> years.map((year) -> java.time.OffsetDateTime
				.of(year, 6, 1, 20, 0, 0, 0, java.time.ZoneOffset.ofHours(2)).toString());
			case "rating", "rows", "seatsPerRow", "capacity", "limit" -> Arbitraries.integers()
				.between(-2, 200_000).edgeCases((edges) -> edges.includeOnly(0, 1, 5, 702, 100_000)).map(Object.class::cast);
			case "timeZone" -> Arbitraries.of("UTC", "Europe/Berlin", "Asia/Kathmandu", "europe/berlin", "+02:00", "Z",
					"Mars/Olympus", "", " UTC ", "Etc/GMT+12", "America/Argentina/ComodRivadavia").map(Object.class::cast);
			case "eventId", "venueId", "bookingId", "jobId" -> Arbitraries.of(eventId, venueId, bookingId, "nope", "");
			case "seats" -> Arbitraries.of("A1", "A2", "B3", "C4", "a2", "Z9", "1", "").list().ofMaxSize(5)
				.map(Object.class::cast);
			case "currency" -> Arbitraries.of("EUR", "eur", "JPY", "XYZ", "EURO", "", " USD ").map(Object.class::cast);
			case "colour" -> Arbitraries.of("#d4af37", "#D4AF37", "red", "#fff", "#12345g", "").map(Object.class::cast);
			case "prices" -> Arbitraries.maps(Arbitraries.of("Standard", "Premium", "standard", "Balcony", ""),
					Arbitraries.oneOf(Arbitraries.longs().between(-5, 10_000_000_001L), Arbitraries.just(Long.MAX_VALUE)))
				.ofMaxSize(3)
				.map(Object.class::cast);
			case "categories" -> Arbitraries.maps(Arbitraries.of("name", "colour", "rows", "seats"),
					Arbitraries.of("Premium", "#d4af37", "A", "A-B", "B-A", "A-Z", "ZZZ", "A1", "").map(Object.class::cast))
				.ofMaxSize(4)
				.list()
				.ofMaxSize(3)
				.map(Object.class::cast);
			default -> Arbitraries.strings().ofMaxLength(30).map(Object.class::cast);
		};
		return Arbitraries.frequencyOf(Tuple.of(1, plausible), Tuple.of(1, values(3)));
	}

	private Arbitrary<Object> values(int depth) {
		var text = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
				Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)),
				Tuple.of(1, Arbitraries.strings().ofMinLength(1000).ofMaxLength(20_000)),
				Tuple.of(2, Arbitraries.of("A1", "B2", "1", "a1", "=1+1", "-2", "@x", "Main\u200bHall", "\uff2dain", "\u0000",
						"line\nbreak", "2099-01-01", "+999999999-12-31", "10000-01-01T00:00:00Z",
						"2099-06-01T20:00:00+01:00", "1969-12-31", "9999-12-31T23:59:59Z", "fuzzed", "admin",
						"password-1", "x@example.org")),
				Tuple.of(2, Arbitraries.of("id").map((ignored) -> pick(eventId, venueId, bookingId))));
		var numbers = Arbitraries.oneOf(Arbitraries.integers().between(-3, 1000).map(Object.class::cast),
				Arbitraries.longs().map(Object.class::cast), Arbitraries.doubles().map(Object.class::cast),
				Arbitraries.of((Object) 1e308, (Object) Long.MAX_VALUE, (Object) 2147483648L));
		var labels = Arbitraries.of("A1", "A2", "B3", "C4", "a2", "Z9", "1", "").list().ofMaxSize(5);
		var scalars = Arbitraries.frequencyOf(Tuple.of(5, text.map(Object.class::cast)), Tuple.of(2, numbers),
				Tuple.of(1, Arbitraries.of(true, false).map(Object.class::cast)), Tuple.of(1, Arbitraries.just(null)),
				Tuple.of(1, labels.map(Object.class::cast)));
		if (depth == 0) {
			return scalars;
		}
		var nested = values(depth - 1);
		return Arbitraries.frequencyOf(Tuple.of(8, scalars),
				Tuple.of(1, nested.list().ofMaxSize(4).map(Object.class::cast)),
				Tuple.of(1, Arbitraries.maps(Arbitraries.of(FIELDS), nested).ofMaxSize(3).map(Object.class::cast)));
	}

	private static int picks;

	private static String pick(String... ids) {
		return ids[Math.floorMod(picks++, ids.length)];
	}

	private static String abbreviated(String text) {
		return (text == null || text.length() <= 300) ? text : text.substring(0, 300) + "...";
	}

	private static List<Long> checksum() throws SQLException {
		var sums = new ArrayList<Long>();
		try (var statement = database.createStatement()) {
			for (var query : CHECKSUM) {
				try (var rows = statement.executeQuery(query)) {
					rows.next();
					sums.add(rows.getLong(1));
				}
			}
		}
		return sums;
	}
}
