package io.seatline.runner;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, finding 8: one free account booked 1,000 seats of an event in 0.75 s. An account may hold at most 10
 * seats of an event (or the event's own cap), over all its live bookings, whatever the shape of the requests.
 */
class SeatsPerAccountTests extends RunnerTestSupport {

	@Test
	void anAccountHoldsAtMostTenSeatsOfAnEventOverAllItsBookings() {
		var http = api();
		var buyer = http.newUser(Api.uniqueName("hoarder"));
		var event = http.newEvent("Flash sale", 4, 10);

		http.reserve(buyer, event, "A1", "A2", "A3", "A4", "A5", "A6");
		var over = http.call("reserveSeats", Map.of("eventId", event, "seats", List.of("B1", "B2", "B3", "B4", "B5")),
				"Authorization", "Bearer " + buyer);

		assertThat(over.status()).isEqualTo(409);
		assertThat(over.error()).isEqualTo("CONFLICT");
		assertThat(over.json().get("limit").asInt()).isEqualTo(10);
		assertThat(over.json().get("held").asInt()).isEqualTo(6);
		assertThat(over.json().get("message").asString()).contains("at most 10 seats");
		// nothing of the refused request was sold
		assertThat(seatStatus(http, event, "B1")).isEqualTo("AVAILABLE");

		var rest = http.reserve(buyer, event, "B1", "B2", "B3", "B4");
		assertThat(rest.get("seats")).hasSize(4);
		assertThat(http.call("reserveSeats", Map.of("eventId", event, "seats", List.of("C1")), "Authorization",
				"Bearer " + buyer).status()).isEqualTo(409);

		// a cancelled booking gives its seats back to the account's allowance
		http.ok("cancelBooking", Map.of("bookingId", rest.get("bookingId").asString()), buyer);
		assertThat(http.reserve(buyer, event, "C1", "C2").get("seats")).hasSize(2);
		// and another account has an allowance of its own
		var other = http.newUser(Api.uniqueName("neighbour"));
		assertThat(http.reserve(other, event, "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10").get("seats"))
			.hasSize(10);
	}

	@Test
	void oneRequestOfMoreThanTheCapIsRefusedWhole() {
		var http = api();
		var buyer = http.newUser(Api.uniqueName("bulk"));
		var event = http.newEvent("Bulk", 2, 20);
		var seats = new ArrayList<String>();
		for (int i = 1; i <= 20; i++) {
			seats.add("A" + i);
		}

		var reply = http.call("reserveSeats", Map.of("eventId", event, "seats", seats), "Authorization",
				"Bearer " + buyer);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.json().get("limit").asInt()).isEqualTo(10);
		assertThat(http.ok("myBookings", Map.of(), buyer)).isEmpty();
	}

	@Test
	void theAdminSetsAnEventsOwnCap() {
		var http = api();
		var admin = http.adminToken();
		var venue = http.ok("createVenue", Map.of("name", Api.uniqueName("Club"), "capacity", 50), admin);
		var startsAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).withNano(0).toString();
		var pairs = http.ok("createEvent", Map.of("venueId", venue.get("venueId").asString(), "name", "Pairs only",
				"startsAt", startsAt, "maxSeatsPerAccount", 2), admin).get("eventId").asString();
		var buyer = http.newUser(Api.uniqueName("couple"));

		assertThat(http.reserve(buyer, pairs, "1", "2").get("seats")).hasSize(2);
		var third = http.call("reserveSeats", Map.of("eventId", pairs, "seats", List.of("3")), "Authorization",
				"Bearer " + buyer);
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.json().get("limit").asInt()).isEqualTo(2);

		for (var bad : List.<Object>of(0, -1, 100_001, "ten")) {
			var refused = http.call("createEvent", Map.of("venueId", venue.get("venueId").asString(), "name",
					Api.uniqueName("Bad cap"), "startsAt", startsAt, "maxSeatsPerAccount", bad),
					"Authorization", "Bearer " + admin);
			assertThat(refused.status()).as("maxSeatsPerAccount %s", bad).isEqualTo(400);
			assertThat(refused.error()).isEqualTo("INVALID_REQUEST");
		}
	}

	@Test
	void requestsOfOneAccountRacingEachOtherStillStayUnderTheCap() throws Exception {
		var http = api();
		var buyer = http.newUser(Api.uniqueName("racer"));
		var event = http.newEvent("Race", 5, 10);
		var rows = List.of("A", "B", "C", "D", "E");
		var calls = new ArrayList<Callable<Integer>>();
		for (var row : rows) {
			calls.add(() -> http.call("reserveSeats", Map.of("eventId", event, "seats",
					List.of(row + "1", row + "2", row + "3", row + "4")), "Authorization", "Bearer " + buyer)
				.status());
		}
		var threads = Executors.newFixedThreadPool(rows.size());
		try {
			var statuses = new ArrayList<Integer>();
			for (var status : threads.invokeAll(calls)) {
				statuses.add(status.get());
			}
			// 4 + 4 fit in 10, a third 4 does not: two bookings, whichever they are
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(2);
			assertThat(statuses).filteredOn((status) -> status == 409).hasSize(3);
		}
		finally {
			threads.shutdownNow();
		}
		var held = 0;
		for (var booking : http.ok("myBookings", Map.of(), buyer)) {
			held += booking.get("seats").size();
		}
		assertThat(held).isEqualTo(8);
	}

	private static String seatStatus(Api http, String event, String label) {
		for (var seat : http.ok("eventSeats", Map.of("eventId", event), null).get("seats")) {
			if (seat.get("seat").asString().equals(label)) {
				return seat.get("status").asString();
			}
		}
		throw new AssertionError("No seat " + label);
	}
}
