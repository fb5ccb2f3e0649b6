package io.seatline.engine.booking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.dashboard.SalesDashboard;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.engine.persistence.WritePath;
import io.seatline.testapp.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads race for overlapping seats of one event on a real database (each subclass names one): every seat is
 * sold at most once, and every buyer either gets all its seats or a {@code SEATS_UNAVAILABLE} naming seats that
 * others hold; never a deadlock or another error. On SQLite writers take turns; on PostgreSQL they lock rows.
 */
abstract class ConcurrentReservationsTests {

	static final int BUYERS = 32;

	// registering costs an Argon2 hash each: the buyers of a database are registered once and reused
	private static final Map<String, List<User>> BUYERS_BY_DATABASE = new ConcurrentHashMap<>();

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

	@Autowired
	WritePath writes;

	@RepeatedTest(5)
	void overlappingBuyersGetDisjointSeatsAndLosersAreToldWhichSeatsAreTaken(RepetitionInfo round)
			throws Exception {
		var event = this.fixtures.newEvent(2, 10);
		var labels = this.catalog.seatMap(event.eventId()).seats().stream().map((seat) -> seat.label()).toList();
		var users = buyers();
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
		var commitsBefore = this.writes.commitCounts();
		// a reader meanwhile: the kept map is brought up to date from the changes of each commit it sees
		var reading = new AtomicBoolean(true);
		var reader = Executors.newSingleThreadExecutor();
		var reads = reader.submit(() -> {
			int read = 0;
			for (start.await(); reading.get(); read++) {
				this.catalog.seatMap(event.eventId());
			}
			return read;
		});
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
		var commitsAfter = this.writes.commitCounts();
		pool.shutdown();
		reading.set(false);
		var mapsRead = reads.get(60, TimeUnit.SECONDS);
		reader.shutdown();

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
		// the kept map, brought up to date commit by commit since its first reading, is the seats as they are
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
		assertKeptCountsAgreeWithTheSeats(event.eventId());
		// the buyers arrived together: the writer committed several of them at once, refusals among them
		var transactions = commitsAfter.transactions() - commitsBefore.transactions();
		var requests = commitsAfter.requests() - commitsBefore.requests();
		// (the email worker's bookkeeping may share the writer meanwhile)
		assertThat(requests).as("requests committed").isGreaterThanOrEqualTo(BUYERS);
		assertThat(transactions).as("commits shared by %d requests", requests).isLessThan(requests);
		System.out.printf("%s race round %d: %d threads, %d winners, %d losers (SEATS_UNAVAILABLE), "
				+ "%d of %d seats sold, %d ms, %d commits, %d seat maps read meanwhile%n", this.database.vendor(),
				round.getCurrentRepetition(), BUYERS, winners.size(), losers.size(), soldTo.size(), labels.size(), millis,
				transactions, mapsRead);
	}

	@RepeatedTest(3)
	void bookingsAndCancellationsAtOnceLeaveTheSeatsTheLedgerAndTheBookingsInAgreement(RepetitionInfo round)
			throws Exception {
		var event = this.fixtures.newEvent(4, 10);
		var labels = this.catalog.seatMap(event.eventId()).seats().stream().map((seat) -> seat.label()).toList();
		var users = buyers();
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
		assertKeptCountsAgreeWithTheSeats(event.eventId());
		System.out.printf("%s bookings and cancellations round %d: %d threads, %d cancelled, %d booked, "
				+ "%d refused (SEATS_UNAVAILABLE)%n", this.database.vendor(), round.getCurrentRepetition(), BUYERS, cancelled, booked, refused);
	}

	/** The event's kept counts and version, moved in the seat changes' transactions, match its seat rows. */
	private void assertKeptCountsAgreeWithTheSeats(String eventId) {
		var kept = this.jdbc.queryForMap(
				"select available_seats, booked_seats, held_seats, blocked_seats, seat_version from events where id = ?",
				eventId);
		for (var status : SeatStatus.values()) {
			var rows = this.jdbc.queryForObject(
					"select count(*) from event_seats where event_id = ? and status = ?", Long.class, eventId,
					status.name());
			assertThat(((Number) kept.get(status.name().toLowerCase() + "_seats")).longValue()).as("kept %s", status)
				.isEqualTo(rows);
		}
		assertThat(((Number) kept.get("seat_version")).longValue()).isPositive();
	}

	/** {@value #BUYERS} registered users of this test's database. */
	List<User> buyers() {
		var users = BUYERS_BY_DATABASE.computeIfAbsent(this.database.url(), (url) -> new ArrayList<>());
		while (users.size() < BUYERS) {
			users.add(this.fixtures.newUser());
		}
		return users;
	}
}
