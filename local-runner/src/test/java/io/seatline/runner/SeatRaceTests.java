package io.seatline.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race the product exists to win: many buyers, each on a thread of their own, ask the runner over HTTP for
 * overlapping seats of one event at the same instant. Every seat is sold at most once; the seat map, the bookings and
 * the dashboard agree; every loser hears 409 {@code SEATS_UNAVAILABLE}, never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeatRaceTests extends RunnerTestSupport {

	/** Buyers racing at once, each on its own thread and connection. */
	static final int BUYERS = 64;

	Api http;

	String admin;

	List<String> buyers;

	ExecutorService threads;

	int round;

	@BeforeAll
	void registerBuyers() throws Exception {
		this.http = api();
		this.admin = this.http.login("admin", ADMIN_PASSWORD);
		this.threads = Executors.newFixedThreadPool(BUYERS);
		this.buyers = this.http.newUsers("racer", BUYERS, this.threads);
	}

	@AfterAll
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@RepeatedTest(5)
	void everySeatIsSoldAtMostOnceAndLosersHear409() throws Exception {
		this.round++;
		// 4 rows of 10 seats; each buyer asks for 3 adjacent seats of one row, so neighbours overlap
		var venue = this.http
			.post("createVenue", "{\"name\":\"Race Hall " + this.round + "\",\"rows\":4,\"seatsPerRow\":10}", this.admin)
			.json();
		var event = this.http.post("createEvent", "{\"venueId\":\"" + venue.get("venueId").asString()
				+ "\",\"name\":\"Race " + this.round + "\",\"startsAt\":\"" + Instant.now().plus(Duration.ofDays(1))
				+ "\"}", this.admin).json().get("eventId").asString();

		var ready = new CountDownLatch(BUYERS);
		var go = new CountDownLatch(1);
		var replies = new ArrayList<Future<Api.Reply>>();
		for (int i = 0; i < BUYERS; i++) {
			var row = (char) ('A' + (i % 4));
			var first = 1 + ((i / 4) % 8);
			var body = "{\"eventId\":\"" + event + "\",\"seats\":[\"" + row + first + "\",\"" + row + (first + 1)
					+ "\",\"" + row + (first + 2) + "\"]}";
			var token = this.buyers.get(i);
			replies.add(this.threads.submit((Callable<Api.Reply>) () -> {
				ready.countDown();
				go.await();
				return this.http.post("reserveSeats", body, token);
			}));
		}
		ready.await();
		var started = System.nanoTime();
		go.countDown();
		var winners = new ArrayList<JsonNode>();
		var losers = 0;
		for (var future : replies) {
			var reply = future.get();
			if (reply.status() == 200) {
				winners.add(reply.json());
			}
			else {
				assertThat(reply.status()).as(reply.body()).isEqualTo(409);
				assertThat(reply.error()).isEqualTo("SEATS_UNAVAILABLE");
				assertThat(reply.json().get("seats")).isNotEmpty();
				losers++;
			}
		}
		var wallMillis = (System.nanoTime() - started) / 1_000_000;

		Map<String, String> soldTo = new HashMap<>();
		for (var winner : winners) {
			for (var seat : winner.get("seats")) {
				assertThat(soldTo.put(seat.asString(), winner.get("bookingId").asString()))
					.as("seat %s sold twice", seat.asString())
					.isNull();
			}
		}
		var seatMap = this.http.post("eventSeats", "{\"eventId\":\"" + event + "\"}", null).json();
		var booked = new ArrayList<String>();
		for (var seat : seatMap.get("seats")) {
			if (seat.get("status").asString().equals("BOOKED")) {
				booked.add(seat.get("seat").asString());
			}
		}
		assertThat(booked).containsExactlyInAnyOrderElementsOf(soldTo.keySet());

		var booking = 0;
		for (var token : this.buyers) {
			for (var mine : this.http.post("myBookings", "{}", token).json()) {
				if (mine.get("eventId").asString().equals(event)) {
					booking++;
					assertThat(soldTo).containsEntry(mine.get("seats").get(0).asString(),
							mine.get("bookingId").asString());
				}
			}
		}
		assertThat(booking).isEqualTo(winners.size());

		var dashboard = this.http.post("dashboard", "{\"eventId\":\"" + event + "\"}", this.admin).json();
		assertThat(dashboard.get("bookedSeats").asInt()).isEqualTo(soldTo.size());
		assertThat(dashboard.get("availableSeats").asInt()).isEqualTo(40 - soldTo.size());
		assertThat(dashboard.get("bookings").asInt()).isEqualTo(winners.size());
		assertThat(winners.size() + losers).isEqualTo(BUYERS);

		var seatsSold = new ArrayList<>(soldTo.keySet());
		Collections.sort(seatsSold);
		System.out.printf("RACE round %d: %d requests, %d winners, %d refused with 409, %d seats sold of 40, "
				+ "wall time %d ms%n", this.round, BUYERS, winners.size(), losers, soldTo.size(), wallMillis);
	}
}
