package io.seatline.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The box office's race: an admin blocks seats over HTTP while buyers, each on a thread of their own, book the same
 * seats at the same instant. Each seat ends up blocked or sold, never both and never lost; the seat map, the bookings
 * and the kept counts agree; every refusal is 409 {@code SEATS_UNAVAILABLE}, never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockRaceTests extends RunnerTestSupport {

	static final int BUYERS = 32;

	/** Block calls racing the buyers, each on its own thread. */
	static final int BLOCKS = 8;

	Api http;

	String admin;

	List<String> buyers;

	ExecutorService threads;

	@BeforeAll
	void registerBuyers() throws Exception {
		this.http = api();
		this.admin = this.http.adminToken();
		this.threads = Executors.newFixedThreadPool(BUYERS + BLOCKS);
		this.buyers = this.http.newUsers("blockracer", BUYERS, this.threads);
	}

	@AfterAll
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@RepeatedTest(3)
	void everySeatEndsBlockedOrSoldNeverBothNeverLost(RepetitionInfo round) throws Exception {
		var event = this.http.newEvent("Block race " + round.getCurrentRepetition(), 3, 10);
		var labels = new ArrayList<String>();
		for (var row : List.of("A", "B", "C")) {
			for (int seat = 1; seat <= 10; seat++) {
				labels.add(row + seat);
			}
		}
		var random = new Random(round.getCurrentRepetition());
		var go = new CountDownLatch(1);
		var replies = new ArrayList<Future<Api.Reply>>();
		for (int i = 0; i < BUYERS + BLOCKS; i++) {
			var shuffled = new ArrayList<>(labels);
			Collections.shuffle(shuffled, random);
			var body = Api.toJson(Map.of("eventId", event, "seats", shuffled.subList(0, 2 + random.nextInt(3))));
			var function = (i < BUYERS) ? "reserveSeats" : "blockSeats";
			var token = (i < BUYERS) ? this.buyers.get(i) : this.admin;
			replies.add(this.threads.submit((Callable<Api.Reply>) () -> {
				go.await();
				return this.http.post(function, body, token);
			}));
		}
		var started = Instant.now();
		go.countDown();
		var sold = new HashSet<String>();
		var blocked = new HashSet<String>();
		int refused = 0;
		for (int i = 0; i < replies.size(); i++) {
			var reply = replies.get(i).get();
			if (reply.status() == 200) {
				var into = (i < BUYERS) ? sold : blocked;
				for (var seat : reply.json().get("seats")) {
					assertThat(into.add(seat.asString())).as("%s taken twice", seat.asString()).isTrue();
				}
			}
			else {
				assertThat(reply.status()).as(reply.body()).isEqualTo(409);
				assertThat(reply.error()).isEqualTo("SEATS_UNAVAILABLE");
				refused++;
			}
		}
		var wall = Duration.between(started, Instant.now()).toMillis();
		assertThat(sold).filteredOn(blocked::contains).as("seats both sold and blocked").isEmpty();

		for (var seat : this.http.ok("eventSeats", Map.of("eventId", event), null).get("seats")) {
			var label = seat.get("seat").asString();
			var expected = sold.contains(label) ? "BOOKED" : blocked.contains(label) ? "BLOCKED" : "AVAILABLE";
			assertThat(seat.get("status").asString()).as(label).isEqualTo(expected);
		}
		var booked = new HashSet<String>();
		for (var booking : this.http.ok("findBookings", Map.of("eventId", event), this.admin)) {
			for (var seat : booking.get("seats")) {
				assertThat(booked.add(seat.asString())).isTrue();
			}
		}
		assertThat(booked).isEqualTo(sold);
		var dashboard = this.http.ok("dashboard", Map.of("eventId", event), this.admin);
		assertThat(dashboard.get("bookedSeats").asInt()).isEqualTo(sold.size());
		assertThat(dashboard.get("availableSeats").asInt()).isEqualTo(30 - sold.size() - blocked.size());
		assertThat(dashboard.get("availableSeats").asInt() + dashboard.get("bookedSeats").asInt() + blocked.size())
			.isEqualTo(dashboard.get("totalSeats").asInt());
		System.out.printf("BLOCK RACE round %d: %d buyers and %d blocks at once, %d seats sold, %d blocked, %d refused, "
				+ "wall time %d ms%n", round.getCurrentRepetition(), BUYERS, BLOCKS, sold.size(), blocked.size(),
				refused, wall);
	}
}
