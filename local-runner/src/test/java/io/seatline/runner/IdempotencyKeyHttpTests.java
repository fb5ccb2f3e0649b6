package io.seatline.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.seatline.runner.Api.assertError;
import static io.seatline.runner.Api.assertField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Idempotency-Key} header over HTTP, against a real SQLite file: a booking sent again and again with one
 * key is made once and answered the same every time; the key with another body is 409 {@code CONFLICT}.
 */
class IdempotencyKeyHttpTests extends RunnerTestSupport {

	static final int SENDERS = 20;

	@Test
	void twentyRequestsWithOneKeyAtOnceMakeOneBookingAndGetTwentyEqualAnswers() throws Exception {
		var http = api();
		var event = http.newEvent("Retried Show", 1, 4);
		var buyer = http.newUser(Api.uniqueName("retrier"));
		var key = UUID.randomUUID().toString();
		var body = Api.toJson(Map.of("eventId", event, "seats", List.of("A1", "A2")));
		var threads = Executors.newFixedThreadPool(SENDERS);
		var ready = new CountDownLatch(SENDERS);
		var go = new CountDownLatch(1);
		var replies = new ArrayList<Future<Api.Reply>>();
		try {
			for (int i = 0; i < SENDERS; i++) {
				replies.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return reserve(http, buyer, key, body);
				}));
			}
			ready.await();
			go.countDown();
			var bodies = new ArrayList<String>();
			for (var reply : replies) {
				var answer = reply.get(60, TimeUnit.SECONDS);
				assertThat(answer.status()).as(answer.body()).isEqualTo(200);
				bodies.add(answer.body());
			}
			assertThat(bodies).containsOnly(bodies.get(0));
		}
		finally {
			threads.shutdownNow();
		}
		var bookings = http.ok("myBookings", "{}", buyer);
		assertThat(bookings).hasSize(1);
		assertThat(bookings.get(0).get("seats").toString()).isEqualTo("[\"A1\",\"A2\"]");
	}

	@Test
	void theSameKeyWithAnotherBodyIsAConflictAndBooksNothing() {
		var http = api();
		var event = http.newEvent("Conflicting Show", 1, 4);
		var buyer = http.newUser(Api.uniqueName("conflicted"));
		var key = "click-" + UUID.randomUUID();
		var first = reserve(http, buyer, key, Map.of("eventId", event, "seats", List.of("A1")));
		assertThat(first.status()).isEqualTo(200);
		var other = reserve(http, buyer, key, Map.of("eventId", event, "seats", List.of("A2")));
		assertError(other, 409, "CONFLICT");
		assertThat(other.json().get("message").asString()).contains("idempotency key");
		assertThat(http.ok("myBookings", "{}", buyer)).hasSize(1);
		var seats = http.ok("eventSeats", Map.of("eventId", event), null).get("seats");
		assertThat(seats.get(1).get("status").asString()).isEqualTo("AVAILABLE");
	}

	@Test
	void aRefusalIsAnsweredAgainWithTheSameStatusAndBody() {
		var http = api();
		var event = http.newEvent("Refused Show", 1, 4);
		var holder = http.newUser(Api.uniqueName("holder"));
		var held = http.reserve(holder, event, "A1").get("bookingId").asString();
		var buyer = http.newUser(Api.uniqueName("late"));
		var key = "late-" + UUID.randomUUID();
		var body = Map.of("eventId", event, "seats", List.of("A1", "A2"));
		var refused = reserve(http, buyer, key, body);
		assertError(refused, 409, "SEATS_UNAVAILABLE");
		http.ok("cancelBooking", Map.of("bookingId", held), holder);
		var again = reserve(http, buyer, key, body);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json()).isEqualTo(refused.json());
		assertThat(http.ok("myBookings", "{}", buyer)).isEmpty();
	}

	@Test
	void everyWriteSentTwiceWithItsKeyIsDoneOnceAndAnsweredAlike() {
		var http = api();
		var admin = http.adminToken();
		var venue = twice(http, admin, "createVenue", Map.of("name", Api.uniqueName("Keyed Hall"), "rows", 1,
				"seatsPerRow", 4));
		var event = twice(http, admin, "createEvent", Map.of("venueId", venue.path("venueId").asString(), "name",
				"Keyed Show", "startsAt", "2099-06-01T20:00:00+02:00")).path("eventId").asString();
		twice(http, admin, "updateEvent", Map.of("eventId", event, "description", "Now with a description"));
		twice(http, admin, "blockSeats", Map.of("eventId", event, "seats", List.of("A4")));
		twice(http, admin, "unblockSeats", Map.of("eventId", event, "seats", List.of("A4")));
		var username = Api.uniqueName("keyed");
		var buyer = http.newUser(username);
		var booking = twice(http, buyer, "reserveSeats", Map.of("eventId", event, "seats", List.of("A1")));
		twice(http, buyer, "cancelBooking", Map.of("bookingId", booking.path("bookingId").asString()));
		var second = twice(http, buyer, "reserveSeats", Map.of("eventId", event, "seats", List.of("A2")));
		twice(http, admin, "cancelBookingFor", Map.of("reference", second.path("reference").asString(), "reason",
				"The hall is closed"));
		twice(http, admin, "disableAccount", Map.of("username", username));
		twice(http, admin, "enableAccount", Map.of("username", username));
		twice(http, admin, "retryEmails", Map.of());
		var cancelled = twice(http, admin, "cancelEvent", Map.of("eventId", event, "reason", "Keyed away"));
		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		var venues = http.ok("listVenues", "{}", null).findValuesAsString("name");
		assertThat(venues).containsOnlyOnce(venue.path("name").asString());
	}

	/** Sends the write twice with one key: both answers 200 and the same JSON. */
	private static JsonNode twice(Api http, String token, String function, Object body) {
		var key = function + "-" + UUID.randomUUID();
		var first = http.call(function, body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
		assertThat(first.status()).as(function + ": " + first.body()).isEqualTo(200);
		var again = http.call(function, body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
		assertThat(again.status()).as(function + " again: " + again.body()).isEqualTo(200);
		assertThat(again.json()).as(function).isEqualTo(first.json());
		return first.json();
	}

	@Test
	void aKeyOfMoreThan255CharactersIsAnInvalidRequest() {
		var http = api();
		var event = http.newEvent("Long Key Show", 1, 2);
		var buyer = http.newUser(Api.uniqueName("longkey"));
		var reply = reserve(http, buyer, "k".repeat(256), Map.of("eventId", event, "seats", List.of("A1")));
		assertField(reply, "idempotencyKey");
		assertThat(http.ok("myBookings", "{}", buyer)).isEmpty();
	}

	private static Api.Reply reserve(Api http, String token, String key, Object body) {
		return http.call("reserveSeats", body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
	}
}
