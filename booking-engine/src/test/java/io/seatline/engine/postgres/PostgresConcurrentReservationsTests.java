package io.seatline.engine.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.account.User;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.dashboard.SalesDashboard;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.PostgresEngineTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real threads race for overlapping seats of one event on a real PostgreSQL server, where writers do not take turns
 * as on SQLite but lock rows: every seat is sold at most once, and every buyer either gets all its seats or a
 * {@code SEATS_UNAVAILABLE} naming seats that others hold; never a deadlock or another error.
 */
@PostgresEngineTest
class PostgresConcurrentReservationsTests {

	private static final int BUYERS = 32;

	private static final List<User> users = new ArrayList<>();

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	SalesDashboard dashboard;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseUrl database;

	@RepeatedTest(5)
	void overlappingBuyersGetDisjointSeatsAndLosersAreToldWhichSeatsAreTaken(RepetitionInfo round)
			throws Exception {
		var event = this.fixtures.newEvent(2, 10);
		var labels = this.catalog.seatMap(event.eventId()).seats().stream().map((seat) -> seat.label()).toList();
		while (users.size() < BUYERS) {
			users.add(this.fixtures.newUser());
		}
		// each buyer wants 2 to 6 seats of both rows, in a shuffled order: many overlaps, taken in every order
		var random = new Random(round.getCurrentRepetition());
		var wanted = new ArrayList<List<String>>();
		for (int i = 0; i < BUYERS; i++) {
			var seats = new ArrayList<>(labels);
			Collections.shuffle(seats, random);
			wanted.add(List.copyOf(seats.subList(0, 2 + random.nextInt(5))));
		}
		var ready = new CountDownLatch(BUYERS);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(BUYERS);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < BUYERS; i++) {
			var user = users.get(i);
			var seats = wanted.get(i);
			outcomes.add(pool.submit((Callable<Object>) () -> {
				ready.countDown();
				start.await();
				try {
					return this.reservations.reserve(user, new ReserveSeats(event.eventId(), seats));
				}
				catch (SeatsUnavailable ex) {
					return ex;
				}
				catch (RuntimeException ex) {
					// anything else (a deadlock, a lock timeout, a broken constraint) fails the test below
					return ex;
				}
			}));
		}
		ready.await();
		var began = System.nanoTime();
		start.countDown();
		var winners = new ArrayList<BookingDetails>();
		var losers = new ArrayList<SeatsUnavailable>();
		var losersWanted = new ArrayList<List<String>>();
		for (int i = 0; i < BUYERS; i++) {
			var result = outcomes.get(i).get(60, TimeUnit.SECONDS);
			if (result instanceof BookingDetails booking) {
				winners.add(booking);
				assertThat(booking.seats()).containsExactlyInAnyOrderElementsOf(wanted.get(i));
			}
			else {
				assertThat(result).as("buyer %d of %s", i, wanted.get(i)).isInstanceOf(SeatsUnavailable.class);
				losers.add((SeatsUnavailable) result);
				losersWanted.add(wanted.get(i));
			}
		}
		var millis = (System.nanoTime() - began) / 1_000_000;
		pool.shutdown();

		var soldTo = new HashMap<String, String>();
		for (var winner : winners) {
			for (var seat : winner.seats()) {
				assertThat(soldTo.put(seat, winner.bookingId())).as("seat %s sold twice", seat).isNull();
			}
		}
		assertThat(winners).isNotEmpty();
		assertThat(winners.size() + losers.size()).isEqualTo(BUYERS);
		for (int i = 0; i < losers.size(); i++) {
			// a refusal names only seats the buyer asked for and somebody else bought
			assertThat(losers.get(i).seats()).isNotEmpty()
				.isSubsetOf(losersWanted.get(i))
				.allSatisfy((seat) -> assertThat(soldTo).containsKey(seat));
		}
		var map = this.catalog.seatMap(event.eventId());
		for (var seat : map.seats()) {
			assertThat(seat.status() == SeatStatus.BOOKED).as(seat.label()).isEqualTo(soldTo.containsKey(seat.label()));
		}
		var ledger = this.jdbc.queryForList(
				"select label from booking_seats where event_id = ? and released_at is null", String.class,
				event.eventId());
		assertThat(ledger).containsExactlyInAnyOrderElementsOf(soldTo.keySet());
		assertThat(new HashSet<>(ledger)).hasSameSizeAs(ledger);
		var figures = this.dashboard.figures(this.fixtures.admin(), event.eventId());
		assertThat(figures.bookedSeats()).isEqualTo(soldTo.size());
		assertThat(figures.bookings()).isEqualTo(winners.size());
		System.out.printf("PostgreSQL race round %d: %d threads, %d winners, %d losers (SEATS_UNAVAILABLE), "
				+ "%d of %d seats sold, %d ms%n", round.getCurrentRepetition(), BUYERS, winners.size(), losers.size(),
				soldTo.size(), labels.size(), millis);
	}

	@Test
	void aClaimLocksItsSeatsInLabelOrderWhateverTheOrderOfTheRowsOnDisk() throws Exception {
		var event = this.fixtures.newEvent(1, 3);
		var user = this.fixtures.newUser();
		// a committed update writes a new version of A1's row after A3's: a plain UPDATE that scans the table meets
		// A2, A3, A1 in this order, another scanning an older snapshot A1, A2, A3, and two such scans can deadlock
		this.jdbc.update("update event_seats set position = position where event_id = ? and label = 'A1'",
				event.eventId());
		// with statistics that show a small table the planner reads it in that order rather than by the index
		this.jdbc.execute("analyze event_seats");
		try (var holder = connection(); var probe = connection()) {
			lock(holder, event.eventId(), "A2");
			var booking = Executors.newSingleThreadExecutor().submit(
					() -> this.reservations.reserve(user,
							new ReserveSeats(event.eventId(), List.of("A3", "A2", "A1"))));
			awaitLockWaiters(1);
			// the claim holds A1, the first label, and waits for A2 before it touches A3
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> lockNow(probe, event.eventId(), "A1"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("55P03"));
			probe.rollback();
			lockNow(probe, event.eventId(), "A3");
			probe.rollback();
			holder.rollback();
			assertThat(booking.get(30, TimeUnit.SECONDS).seats()).containsExactly("A1", "A2", "A3");
		}
	}

	@Test
	void twoCancellationsOfOneBookingAtOnceCancelItOnceAndRefuseTheOther() throws Exception {
		var event = this.fixtures.newEvent(1, 4);
		var user = this.fixtures.newUser();
		var bookingId = this.fixtures.book(user, event, "A1", "A2", "A3");
		var pool = Executors.newFixedThreadPool(2);
		try (var holder = connection()) {
			holder.createStatement().execute("select id from bookings where id = '" + bookingId + "' for update");
			var first = pool.submit(() -> this.reservations.cancel(user, bookingId));
			var second = pool.submit(() -> this.reservations.cancel(user, bookingId));
			awaitLockWaiters(2);
			holder.rollback();
			var outcomes = new ArrayList<Object>();
			for (var cancel : List.of(first, second)) {
				try {
					outcomes.add(cancel.get(30, TimeUnit.SECONDS).status());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					outcomes.add(ex.getCause());
				}
			}
			assertThat(outcomes).filteredOn(BookingStatus.CANCELLED::equals).hasSize(1);
			assertThat(outcomes).filteredOn(Conflict.class::isInstance).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.catalog.seatMap(event.eventId()).seats())
			.allSatisfy((seat) -> assertThat(seat.status()).isEqualTo(SeatStatus.AVAILABLE));
	}

	@RepeatedTest(3)
	void bookingsAndCancellationsAtOnceLeaveTheSeatsTheLedgerAndTheBookingsInAgreement(RepetitionInfo round)
			throws Exception {
		var event = this.fixtures.newEvent(4, 10);
		var labels = this.catalog.seatMap(event.eventId()).seats().stream().map((seat) -> seat.label()).toList();
		while (users.size() < BUYERS) {
			users.add(this.fixtures.newUser());
		}
		// 8 bookings of 4 seats each to cancel during the race; 24 buyers race for 2 to 8 seats of the whole hall
		var random = new Random(100 + round.getCurrentRepetition());
		var shuffled = new ArrayList<>(labels);
		Collections.shuffle(shuffled, random);
		var toCancel = new ArrayList<String>();
		for (int i = 0; i < 8; i++) {
			toCancel.add(this.fixtures.book(users.get(i), event,
					shuffled.subList(4 * i, 4 * i + 4).toArray(String[]::new)));
		}
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(BUYERS);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < BUYERS; i++) {
			var user = users.get(i);
			var seats = new ArrayList<>(labels);
			Collections.shuffle(seats, random);
			var wanted = List.copyOf(seats.subList(0, 2 + random.nextInt(7)));
			var cancel = (i < 8) ? toCancel.get(i) : null;
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return (cancel != null) ? this.reservations.cancel(user, cancel)
							: this.reservations.reserve(user, new ReserveSeats(event.eventId(), wanted));
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		int cancelled = 0;
		int booked = 0;
		int refused = 0;
		for (int i = 0; i < BUYERS; i++) {
			var result = outcomes.get(i).get(60, TimeUnit.SECONDS);
			if (i < 8) {
				assertThat(result).as("cancellation %d", i).isInstanceOf(BookingDetails.class);
				cancelled++;
			}
			else if (result instanceof BookingDetails) {
				booked++;
			}
			else {
				assertThat(result).as("buyer %d", i).isInstanceOf(SeatsUnavailable.class);
				refused++;
			}
		}
		pool.shutdown();
		var seatMap = this.catalog.seatMap(event.eventId()).seats().stream()
			.filter((seat) -> seat.status() == SeatStatus.BOOKED)
			.map((seat) -> seat.label())
			.toList();
		var ledger = this.jdbc.queryForList(
				"select label from booking_seats where event_id = ? and released_at is null", String.class,
				event.eventId());
		var confirmed = this.jdbc.queryForList("select s.label from booking_seats s "
				+ "join bookings b on b.id = s.booking_id where b.event_id = ? and b.status = 'CONFIRMED'",
				String.class, event.eventId());
		var seatsOfBookings = this.jdbc.queryForList("select e.label from event_seats e "
				+ "join bookings b on b.id = e.booking_id where e.event_id = ? and b.status = 'CONFIRMED'",
				String.class, event.eventId());
		assertThat(ledger).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seatMap);
		assertThat(confirmed).containsExactlyInAnyOrderElementsOf(seatMap);
		assertThat(seatsOfBookings).containsExactlyInAnyOrderElementsOf(seatMap);
		System.out.printf("PostgreSQL bookings and cancellations round %d: %d threads, %d cancelled, %d booked, "
				+ "%d refused (SEATS_UNAVAILABLE)%n", round.getCurrentRepetition(), BUYERS, cancelled, booked, refused);
	}

	private Connection connection() throws SQLException {
		var connection = DriverManager.getConnection(this.database.jdbcUrl());
		connection.setAutoCommit(false);
		return connection;
	}

	private static void lock(Connection connection, String eventId, String label) throws SQLException {
		try (var statement = connection.prepareStatement(
				"select id from event_seats where event_id = ? and label = ? for update")) {
			statement.setString(1, eventId);
			statement.setString(2, label);
			statement.executeQuery().close();
		}
	}

	private static void lockNow(Connection connection, String eventId, String label) throws SQLException {
		try (var statement = connection.prepareStatement(
				"select id from event_seats where event_id = ? and label = ? for update nowait")) {
			statement.setString(1, eventId);
			statement.setString(2, label);
			statement.executeQuery().close();
		}
	}

	/** Waits until this many sessions of the test database wait for a lock. */
	private void awaitLockWaiters(int count) throws InterruptedException {
		var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (waitingForLocks() < count) {
			assertThat(System.nanoTime()).as("waited 15 s for %d lock waiters", count).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private int waitingForLocks() {
		return this.jdbc.queryForObject("select count(*) from pg_stat_activity "
				+ "where datname = current_database() and wait_event_type = 'Lock'", Integer.class);
	}
}
