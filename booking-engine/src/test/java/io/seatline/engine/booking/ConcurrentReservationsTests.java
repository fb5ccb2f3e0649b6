package io.seatline.engine.booking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.testapp.EngineTest;
import io.seatline.testapp.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Real threads race for overlapping seats of one event on one SQLite file: every seat is sold at most once. */
@EngineTest
class ConcurrentReservationsTests {

	private static final int BUYERS = 24;

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@RepeatedTest(3)
	void overlappingBuyersGetDisjointSeats() throws Exception {
		var event = this.fixtures.newEvent(1, 10);
		var users = new ArrayList<User>();
		for (int i = 0; i < BUYERS; i++) {
			users.add(this.fixtures.newUser());
		}
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(BUYERS);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < BUYERS; i++) {
			// each buyer wants three adjacent seats: neighbours overlap
			var first = 1 + (i % 8);
			var seats = List.of("A" + first, "A" + (first + 1), "A" + (first + 2));
			var user = users.get(i);
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return this.reservations.reserve(user, new ReserveSeats(event.eventId(), seats));
				}
				catch (SeatsUnavailable ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		var winners = new ArrayList<BookingDetails>();
		for (var outcome : outcomes) {
			var result = outcome.get();
			if (result instanceof BookingDetails booking) {
				winners.add(booking);
			}
			else {
				assertThat(result).isInstanceOf(SeatsUnavailable.class);
			}
		}
		pool.shutdown();

		var soldTo = new HashMap<String, String>();
		for (var winner : winners) {
			for (var seat : winner.seats()) {
				assertThat(soldTo.put(seat, winner.bookingId())).as("seat %s sold twice", seat).isNull();
			}
		}
		assertThat(winners).isNotEmpty();
		var map = this.catalog.seatMap(event.eventId());
		for (var seat : map.seats()) {
			assertThat(seat.status() == SeatStatus.BOOKED).as(seat.label()).isEqualTo(soldTo.containsKey(seat.label()));
		}
		var ledger = this.jdbc.queryForList(
				"select label from booking_seats where event_id = ? and released_at is null", String.class,
				event.eventId());
		Collections.sort(ledger);
		assertThat(ledger).containsExactlyInAnyOrderElementsOf(soldTo.keySet());
	}
}
