package io.seatline.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of every kind of call a client makes, against one runner, to see how it answers while its database is in trouble
 * (another process holds the write lock, the disk is full, the file is read-only) and once the trouble is over. It
 * prepares its own event, user, booking and review; the writes it sends during the trouble are remembered, so that it
 * can check afterwards that none of them left anything behind, and that each succeeds when sent again.
 */
final class EveryKindOfCall {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A read that waited for the write lock (or anything else) this long did not answer "at once". */
	static final Duration AT_ONCE = Duration.ofMillis(1500);

	private final Api http;

	private final String trouble;

	private final String admin;

	private final String venueId;

	private final String venueName;

	private final String eventId;

	private final String user;

	private final String bookingId;

	/** Where the rounds after the trouble book, review and cancel: 6 rows of 10, none touched by the trouble. */
	private final String roundsEventId;

	private final String refusedUsername;

	private final String refusedVenueName;

	private final String refusedEventName;

	private final String startsAt = Instant.now().plus(Duration.ofDays(30)).toString();

	/** Every deviation of every step, reported together at the end, so that one run shows all that went wrong. */
	private final SoftAssertions softly = new SoftAssertions();

	private EveryKindOfCall(Api http, String trouble) {
		this.http = http;
		this.trouble = trouble;
		this.admin = http.adminToken();
		this.venueName = Api.uniqueName("Trouble Hall");
		this.venueId = http.ok("createVenue", Map.of("name", this.venueName, "rows", 2, "seatsPerRow", 5), this.admin)
			.get("venueId")
			.asString();
		this.eventId = http.ok("createEvent", Map.of("venueId", this.venueId, "name", "Before the trouble", "startsAt",
				this.startsAt), this.admin).get("eventId").asString();
		this.user = http.newUser(Api.uniqueName("alice"));
		this.bookingId = http.reserve(this.user, this.eventId, "A1").get("bookingId").asString();
		http.ok("submitReview", Map.of("eventId", this.eventId, "rating", 4, "text", "Good"), this.user);
		this.roundsEventId = http.newEvent("Rounds after the trouble", 6, 10);
		this.refusedUsername = Api.uniqueName("refused");
		this.refusedVenueName = Api.uniqueName("Refused Hall");
		this.refusedEventName = Api.uniqueName("Refused event");
	}

	/**
	 * Prepares the calls on a healthy runner, and sends each read once, so that what is measured during the trouble is
	 * not the first call's warm-up. {@code trouble} names the trouble in the printed lines.
	 */
	static EveryKindOfCall prepare(Api http, String trouble) {
		var calls = new EveryKindOfCall(http, trouble);
		calls.reads().forEach((function, call) -> assertThat(call.get().status()).as(function).isEqualTo(200));
		return calls;
	}

	/** The reads: anyone's, a user's and the admin's. */
	Map<String, Supplier<Api.Reply>> reads() {
		var reads = new LinkedHashMap<String, Supplier<Api.Reply>>();
		reads.put("browseEvents", () -> post("browseEvents", Map.of("venue", this.venueName), null));
		reads.put("eventSeats", () -> post("eventSeats", Map.of("eventId", this.eventId), null));
		reads.put("eventReviews", () -> post("eventReviews", Map.of("eventId", this.eventId), null));
		reads.put("myBookings", () -> post("myBookings", Map.of(), this.user));
		reads.put("currentUser", () -> post("currentUser", Map.of(), this.user));
		reads.put("dashboard", () -> post("dashboard", Map.of(), this.admin));
		return reads;
	}

	/** The writes sent during the trouble; each must be refused and leave nothing behind. */
	Map<String, Supplier<Api.Reply>> writes() {
		var writes = new LinkedHashMap<String, Supplier<Api.Reply>>();
		writes.put("register", () -> post("register", Map.of("username", this.refusedUsername, "email",
				this.refusedUsername + "@example.org", "password", "password-1"), null));
		writes.put("reserveSeats",
				() -> post("reserveSeats", Map.of("eventId", this.eventId, "seats", List.of("B1", "B2")), this.user));
		// before the cancellation: sent again, a review needs a confirmed booking
		writes.put("submitReview", () -> post("submitReview",
				Map.of("eventId", this.eventId, "rating", 1, "text", "Written during the trouble"), this.user));
		writes.put("cancelBooking", () -> post("cancelBooking", Map.of("bookingId", this.bookingId), this.user));
		writes.put("createVenue", () -> post("createVenue",
				Map.of("name", this.refusedVenueName, "rows", 1, "seatsPerRow", 2), this.admin));
		writes.put("createEvent", () -> post("createEvent",
				Map.of("venueId", this.venueId, "name", this.refusedEventName, "startsAt", this.startsAt), this.admin));
		return writes;
	}

	/**
	 * Every read answers 200 within {@code limit}: one after another, then all of them three times at once (more
	 * requests than the runner has pooled connections).
	 */
	void readsAnswerWithin(Duration limit) throws Exception {
		var softly = this.softly;
		this.reads().forEach((function, call) -> {
			var timed = Timed.call(call);
			print("read " + function, timed);
			var what = String.format("%s during the %s: %s", function, this.trouble, timed);
			softly.assertThat(timed.status()).as(what).isEqualTo(200);
			softly.assertThat(timed.millis()).as(what).isLessThan(limit.toMillis());
		});
		var atOnce = 3 * this.reads().size();
		var threads = Executors.newFixedThreadPool(atOnce);
		try {
			var replies = new ArrayList<Future<Timed>>();
			for (int i = 0; i < 3; i++) {
				this.reads().forEach((function, call) -> replies.add(threads.submit(() -> Timed.call(call))));
			}
			var slowest = 0L;
			for (var future : replies) {
				var timed = future.get(60, TimeUnit.SECONDS);
				slowest = Math.max(slowest, timed.millis());
				var what = String.format("a read of %d at once during the %s: %s", atOnce, this.trouble, timed);
				softly.assertThat(timed.status()).as(what).isEqualTo(200);
				softly.assertThat(timed.millis()).as(what).isLessThan(limit.toMillis());
			}
			System.out.printf("%s: %d reads at once, the slowest in %d ms%n", this.trouble.toUpperCase(), atOnce,
					slowest);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Every write answers 503 {@code BUSY} with a {@code Retry-After} header, within {@code limit}. */
	void writesAreRefusedAsBusyWithin(Duration limit) {
		var softly = this.softly;
		this.writes().forEach((function, call) -> {
			var timed = Timed.call(call);
			print("write " + function, timed);
			var what = String.format("%s during the %s: %s", function, this.trouble, timed);
			softly.assertThat(timed.status()).as(what).isEqualTo(503);
			softly.assertThat(timed.error()).as(what).isEqualTo("BUSY");
			softly.assertThat(timed.retryAfter()).as("Retry-After of " + what).isNotNull().matches("\\d+");
			softly.assertThat(timed.millis()).as(what).isLessThan(limit.toMillis());
		});
	}

	/**
	 * None of the refused writes left a trace: the account, the seats, the cancellation, the review, the venue and the
	 * event they asked for are not there. Then each of them, sent again, succeeds at once. The first calls after the
	 * trouble; both login and register write.
	 */
	void nothingRefusedWasKeptAndEachRefusedWriteNowSucceeds() {
		var softly = this.softly;
		var seats = read("eventSeats", Map.of("eventId", this.eventId), null).path("seats");
		softly.assertThat(statusOf(seats, "A1")).as("A1, whose cancellation was refused").isEqualTo("BOOKED");
		softly.assertThat(statusOf(seats, "B1")).as("B1, whose booking was refused").isEqualTo("AVAILABLE");
		softly.assertThat(statusOf(seats, "B2")).as("B2, whose booking was refused").isEqualTo("AVAILABLE");
		var mine = read("myBookings", Map.of(), this.user);
		softly.assertThat(values(mine, "bookingId")).as("the user's bookings").containsExactly(this.bookingId);
		softly.assertThat(values(mine, "status")).as("the booking whose cancellation was refused")
			.containsExactly("CONFIRMED");
		var reviews = read("eventReviews", Map.of("eventId", this.eventId), null);
		softly.assertThat(values(reviews.path("reviews"), "text")).as("the event's reviews").containsExactly("Good");
		softly.assertThat(values(read("listVenues", Map.of(), this.admin), "name"))
			.as("venues")
			.doesNotContain(this.refusedVenueName);
		softly.assertThat(values(read("browseEvents", Map.of("venue", this.venueName), null), "name"))
			.as("events at the venue")
			.containsExactly("Before the trouble");
		var login = Timed.call(() -> post("login", Map.of("username", this.refusedUsername, "password", "password-1"),
				null));
		print("login of the refused account", login);
		softly.assertThat(login.status()).as("login of the refused account after the %s: %s", this.trouble, login)
			.isEqualTo(401);

		this.writes().forEach((function, call) -> {
			var timed = Timed.call(call);
			print("the refused " + function + " sent again", timed);
			softly.assertThat(timed.status()).as("%s sent again after the %s: %s", function, this.trouble, timed)
				.isEqualTo(200);
		});
		var again = Timed.call(() -> post("login", Map.of("username", this.refusedUsername, "password", "password-1"),
				null));
		print("login of the account registered again", again);
		softly.assertThat(again.status()).as("login of the account registered again: %s", again).isEqualTo(200);
	}

	/** Every deviation found, if any, as one failure. */
	void assertAll() {
		this.softly.assertAll();
	}

	/**
	 * Every kind of call succeeds, {@code rounds} times, on {@code threads} threads at once (so that every pooled
	 * connection serves some): each round registers and signs in a user, reads as anyone, as the user and as the admin,
	 * books a seat, reviews, cancels, and creates a venue and an event.
	 */
	void everyKindOfCallSucceedsRepeatedly(int rounds, int threads) throws Exception {
		var failures = new ConcurrentLinkedQueue<String>();
		var pool = Executors.newFixedThreadPool(threads);
		var started = System.nanoTime();
		try {
			var done = new ArrayList<Future<?>>();
			for (int i = 0; i < rounds; i++) {
				var round = i;
				done.add(pool.submit((Callable<Void>) () -> {
					oneRound(round, failures);
					return null;
				}));
			}
			for (var future : done) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf("%s: afterwards %d rounds of every kind of call on %d threads took %d ms, %d failed calls%n",
				this.trouble.toUpperCase(), rounds, threads, (System.nanoTime() - started) / 1_000_000,
				failures.size());
		this.softly.assertThat(failures).as("calls that failed after the %s (%d in all; by function and status: %s)",
				this.trouble, failures.size(), summary(failures)).isEmpty();
	}

	private void oneRound(int round, ConcurrentLinkedQueue<String> failures) {
		var name = Api.uniqueName("again");
		var seat = (char) ('A' + round / 10 % 6) + Integer.toString(round % 10 + 1);
		var steps = new Object() {
			JsonNode call(String function, Map<String, ?> input, String token) {
				Api.Reply reply;
				try {
					reply = post(function, input, token);
				}
				catch (RuntimeException ex) {
					failures.add(function + " no reply " + ex);
					return null;
				}
				if (reply.status() != 200) {
					failures.add(function + " " + reply.status() + " " + reply.body());
					return null;
				}
				return reply.json();
			}
		};
		if (steps.call("register", Map.of("username", name, "email", name + "@example.org", "password", "password-1"),
				null) == null) {
			return;
		}
		var login = steps.call("login", Map.of("username", name, "password", "password-1"), null);
		if (login == null) {
			return;
		}
		var token = login.get("token").asString();
		steps.call("browseEvents", Map.of(), null);
		steps.call("eventSeats", Map.of("eventId", this.roundsEventId), null);
		steps.call("currentUser", Map.of(), token);
		steps.call("dashboard", Map.of("eventId", this.roundsEventId), this.admin);
		var booking = steps.call("reserveSeats", Map.of("eventId", this.roundsEventId, "seats", List.of(seat)), token);
		steps.call("myBookings", Map.of(), token);
		if (booking != null) {
			steps.call("submitReview", Map.of("eventId", this.roundsEventId, "rating", 5), token);
			steps.call("eventReviews", Map.of("eventId", this.roundsEventId), null);
			steps.call("cancelBooking", Map.of("bookingId", booking.get("bookingId").asString()), token);
		}
		var venue = steps.call("createVenue", Map.of("name", Api.uniqueName("Again Hall"), "capacity", 3), this.admin);
		if (venue != null) {
			steps.call("createEvent", Map.of("venueId", venue.get("venueId").asString(), "name", "Again " + round,
					"startsAt", this.startsAt), this.admin);
		}
	}

	private static String summary(ConcurrentLinkedQueue<String> failures) {
		var counts = failures.stream()
			.map((failure) -> failure.split(" ", 3))
			.collect(Collectors.groupingBy((parts) -> parts[0] + " " + parts[1], Collectors.counting()));
		var first = failures.stream().limit(3).toList();
		return counts + ", first: " + first;
	}

	/** A read whose reply is checked elsewhere: its JSON, or an empty array when it failed (noted as a deviation). */
	private JsonNode read(String function, Map<String, ?> input, String token) {
		var timed = Timed.call(() -> post(function, input, token));
		this.softly.assertThat(timed.status()).as("%s after the %s: %s", function, this.trouble, timed).isEqualTo(200);
		return (timed.status() == 200) ? timed.reply().json() : JSON.createArrayNode();
	}

	private Api.Reply post(String function, Map<String, ?> input, String token) {
		return this.http.post(function, Api.toJson(input), token);
	}

	private void print(String what, Timed timed) {
		System.out.printf("%s: %s -> %s%n", this.trouble.toUpperCase(), what, timed);
	}

	/** The text of one field of each element of a JSON array. */
	private static List<String> values(JsonNode array, String field) {
		var values = new ArrayList<String>();
		for (var element : array) {
			values.add(element.path(field).asString());
		}
		return values;
	}

	private static String statusOf(JsonNode seats, String label) {
		for (var seat : seats) {
			if (seat.get("seat").asString().equals(label)) {
				return seat.get("status").asString();
			}
		}
		return "no seat " + label;
	}

	/** A reply (or the failure to get one) and how long it took. */
	record Timed(Api.Reply reply, RuntimeException failure, long millis) {

		static Timed call(Supplier<Api.Reply> call) {
			var started = System.nanoTime();
			try {
				var reply = call.get();
				return new Timed(reply, null, (System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				return new Timed(null, ex, (System.nanoTime() - started) / 1_000_000);
			}
		}

		int status() {
			return (this.reply != null) ? this.reply.status() : -1;
		}

		String error() {
			return (this.reply != null && this.reply.json() != null && this.reply.json().has("error"))
					? this.reply.error() : null;
		}

		String retryAfter() {
			return (this.reply != null) ? this.reply.header("Retry-After") : null;
		}

		@Override
		public String toString() {
			if (this.reply == null) {
				return "no reply after " + this.millis + " ms: " + this.failure;
			}
			var body = this.reply.body();
			return this.reply.status() + " in " + this.millis + " ms"
					+ ((this.retryAfter() != null) ? ", Retry-After " + this.retryAfter() : "") + ": "
					+ ((body.length() > 160) ? body.substring(0, 160) + "..." : body);
		}
	}
}
