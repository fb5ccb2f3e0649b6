package io.seatline.engine.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.testapp.EngineTest;
import io.seatline.testapp.EngineTestApplication;
import io.seatline.testapp.Awaits;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.FixturesConfiguration;
import io.seatline.testapp.MutableClock;
import io.seatline.testapp.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Holds on a real database (each subclass names one): held seats are shown and refused to others, a hold is confirmed
 * into a booking or given back, its durable expiry job frees its seats once (also after a restart), and real threads
 * racing holds against sales, or a confirmation against an expiry, never leave a seat in two states.
 */
abstract class SeatHoldsTests {

	static final Duration HOLD = Duration.ofMinutes(1);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("seatline.booking.hold-duration", HOLD::toString);
		registry.add("seatline.jobs.polling-interval", () -> "200ms");
	}

	@Autowired
	SeatHolds holds;

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DatabaseUrl database;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void heldSeatsAreShownAsHeldAndNobodyElseCanBuyOrHoldThem() {
		var event = this.fixtures.newEvent(1, 4);
		var hold = this.holds.hold(this.fixtures.newUser(), new HoldSeats(event.eventId(), List.of("a2", "A1")));
		assertThat(hold.seats()).containsExactly("A1", "A2");
		assertThat(hold.expiresAt()).isEqualTo(this.clock.instant().plus(HOLD));
		assertThat(statuses(event.eventId())).containsExactly(SeatStatus.HELD, SeatStatus.HELD, SeatStatus.AVAILABLE,
				SeatStatus.AVAILABLE);
		var other = this.fixtures.newUser();
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.reservations.reserve(other, new ReserveSeats(event.eventId(), List.of("A2", "A3"))))
			.satisfies((ex) -> assertThat(ex.seats()).containsExactly("A2"));
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.holds.hold(other, new HoldSeats(event.eventId(), List.of("A3", "A1"))))
			.satisfies((ex) -> assertThat(ex.seats()).containsExactly("A1"));
		assertThat(statuses(event.eventId())).containsExactly(SeatStatus.HELD, SeatStatus.HELD, SeatStatus.AVAILABLE,
				SeatStatus.AVAILABLE);
		assertKeptCountsAgreeWithTheSeats(event.eventId());
	}

	@Test
	void aBuyerListsTheirLiveHoldsOnly() {
		var event = this.fixtures.newEvent(1, 6);
		var user = this.fixtures.newUser();
		var first = this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A2", "A1")));
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A5")));
		var released = this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A6")));
		this.holds.release(user, released.holdId());
		this.holds.hold(this.fixtures.newUser(), new HoldSeats(event.eventId(), List.of("A3")));
		assertThat(this.holds.holdsOf(user)).extracting(HoldDetails::holdId, HoldDetails::seats)
			.containsExactly(tuple(first.holdId(), List.of("A1", "A2")), tuple(second.holdId(), List.of("A5")));
		this.clock.advance(HOLD.minusMillis(500));
		// the first ran out (its job may not have run yet): no longer live
		assertThat(this.holds.holdsOf(user)).extracting(HoldDetails::holdId).containsExactly(second.holdId());
	}

	@Test
	void aHoldIsRefusedAsASaleIsAndChangesNothing() {
		var event = this.fixtures.newEvent(2, 10);
		var user = this.fixtures.newUser();
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A1", "Z9"))));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.holds.hold(user, new HoldSeats(event.eventId(), List.of())));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.holds.hold(user, new HoldSeats("no-such-event", List.of("A1"))));
		// the cap of 10 seats per account counts held seats, for a hold and for a sale alike
		this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A1", "A2", "A3", "A4", "A5", "A6")));
		this.fixtures.book(user, event, "B1", "B2", "B3");
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.holds.hold(user, new HoldSeats(event.eventId(), List.of("B4", "B5"))))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("held", 9).containsEntry("limit", 10));
		assertThatExceptionOfType(Conflict.class).isThrownBy(
				() -> this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of("B4", "B5"))));
		assertThat(this.jdbc.queryForObject("select count(*) from holds where event_id = ?", Integer.class,
				event.eventId())).isEqualTo(1);
		assertThat(statuses(event.eventId())).filteredOn(SeatStatus.HELD::equals).hasSize(6);
		assertKeptCountsAgreeWithTheSeats(event.eventId());
	}

	@Test
	void aConfirmedHoldIsABookingWithItsConfirmationEmailAndEndsForGood() {
		var event = this.fixtures.newEvent(1, 4);
		var user = this.fixtures.newUser();
		var hold = this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A3", "A4")));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.holds.confirm(this.fixtures.newUser(), hold.holdId()));
		var booking = this.holds.confirm(user, hold.holdId());
		assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(booking.seats()).containsExactly("A3", "A4");
		assertThat(booking.username()).isEqualTo(user.username());
		assertThat(statuses(event.eventId())).containsExactly(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE,
				SeatStatus.BOOKED, SeatStatus.BOOKED);
		assertThat(this.jdbc.queryForList("select kind from email_jobs where booking_id = ?", String.class,
				booking.bookingId())).contains("BOOKING_CONFIRMED");
		var confirmed = this.holds.details(hold.holdId());
		assertThat(confirmed.status()).isEqualTo(HoldStatus.CONFIRMED);
		assertThat(confirmed.bookingId()).isEqualTo(booking.bookingId());
		// the seats it held, now the booking's
		assertThat(confirmed.seats()).containsExactly("A3", "A4");
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.holds.confirm(user, hold.holdId()))
			.withMessageContaining("already confirmed");
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.holds.release(user, hold.holdId()));
		// its expiry, should it run, changes nothing: the seats stay sold
		assertThat(this.holds.expire(hold.holdId())).isFalse();
		assertThat(statuses(event.eventId())).containsExactly(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE,
				SeatStatus.BOOKED, SeatStatus.BOOKED);
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.holds.confirm("no-such-hold"));
		assertKeptCountsAgreeWithTheSeats(event.eventId());
	}

	@Test
	void aReleasedHoldGivesItsSeatsBackOnceAndCannotBeConfirmed() {
		var event = this.fixtures.newEvent(1, 3);
		var user = this.fixtures.newUser();
		var hold = this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A1", "A2")));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.holds.release(this.fixtures.newUser(), hold.holdId()));
		var released = this.holds.release(user, hold.holdId());
		assertThat(released.status()).isEqualTo(HoldStatus.RELEASED);
		assertThat(released.seats()).containsExactly("A1", "A2");
		assertThat(statuses(event.eventId())).containsOnly(SeatStatus.AVAILABLE);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.holds.confirm(user, hold.holdId()))
			.withMessageContaining("released");
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.holds.release(user, hold.holdId()));
		// an admin may release anyone's hold
		var other = this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A3")));
		assertThat(this.holds.release(this.fixtures.admin(), other.holdId()).seats()).containsExactly("A3");
		assertKeptCountsAgreeWithTheSeats(event.eventId());
	}

	@Test
	void anExpiredHoldCannotBeConfirmedAndItsJobFreesItsSeatsOnce() throws Exception {
		var event = this.fixtures.newEvent(1, 3);
		var user = this.fixtures.newUser();
		var hold = this.holds.hold(user, new HoldSeats(event.eventId(), List.of("A1", "A2")));
		var version = this.jdbc.queryForObject("select seat_version from events where id = ?", Long.class,
				event.eventId());
		this.clock.advance(HOLD.plusSeconds(1));
		// its time ran out: refused even before the job ran, and nothing is sold
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.holds.confirm(user, hold.holdId()))
			.withMessageContaining("expired");
		// the worker runs the durable job, due by the clock it reads
		await(() -> this.holds.details(hold.holdId()).status() == HoldStatus.EXPIRED);
		assertThat(statuses(event.eventId())).containsOnly(SeatStatus.AVAILABLE);
		assertThat(this.jdbc.queryForObject("select count(*) from bookings where event_id = ?", Integer.class,
				event.eventId())).isZero();
		// once: a second run of the job (db-scheduler runs at least once) changes nothing
		var after = this.jdbc.queryForObject("select seat_version from events where id = ?", Long.class,
				event.eventId());
		assertThat(after).isGreaterThan(version);
		assertThat(this.holds.expire(hold.holdId())).isFalse();
		assertThat(this.jdbc.queryForObject("select seat_version from events where id = ?", Long.class,
				event.eventId())).isEqualTo(after);
		// db-scheduler removes a finished job's row after the job's own commit, in its bookkeeping: it goes, soon
		await(() -> this.jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'hold-expiry' "
				+ "and task_instance = ?", Integer.class, hold.holdId()) == 0);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.holds.confirm(user, hold.holdId()))
			.withMessageContaining("expired");
		assertKeptCountsAgreeWithTheSeats(event.eventId());
	}

	@RepeatedTest(3)
	void aConfirmationAndAnExpiryRacingForOneHoldHaveOneWinner(RepetitionInfo round) throws Exception {
		var event = this.fixtures.newEvent(2, 10);
		var holdIds = new ArrayList<String>();
		for (int i = 0; i < 10; i++) {
			holdIds.add(this.holds.hold(this.fixtures.newUser(),
					new HoldSeats(event.eventId(), List.of("A" + (i + 1), "B" + (i + 1)))).holdId());
		}
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(20);
		var confirmations = new ArrayList<Future<Object>>();
		var expiries = new ArrayList<Future<Object>>();
		for (var holdId : holdIds) {
			confirmations.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return this.holds.confirm(holdId);
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
			expiries.add(pool.submit((Callable<Object>) () -> {
				start.await();
				return this.holds.expire(holdId);
			}));
		}
		start.countDown();
		int sold = 0;
		int expired = 0;
		for (int i = 0; i < holdIds.size(); i++) {
			var confirmation = confirmations.get(i).get(60, TimeUnit.SECONDS);
			var expiry = (Boolean) expiries.get(i).get(60, TimeUnit.SECONDS);
			var status = this.holds.details(holdIds.get(i)).status();
			if (confirmation instanceof BookingDetails booking) {
				assertThat(expiry).as("expiry of a confirmed hold").isFalse();
				assertThat(status).isEqualTo(HoldStatus.CONFIRMED);
				assertThat(booking.seats()).hasSize(2);
				sold++;
			}
			else {
				assertThat(confirmation).isInstanceOf(Conflict.class);
				assertThat(expiry).as("expiry of an unconfirmed hold").isTrue();
				assertThat(status).isEqualTo(HoldStatus.EXPIRED);
				expired++;
			}
		}
		pool.shutdown();
		var byStatus = new HashMap<SeatStatus, Integer>();
		statuses(event.eventId()).forEach((status) -> byStatus.merge(status, 1, Integer::sum));
		assertThat(byStatus.getOrDefault(SeatStatus.BOOKED, 0)).isEqualTo(2 * sold);
		assertThat(byStatus.getOrDefault(SeatStatus.HELD, 0)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from booking_seats where event_id = ? "
				+ "and released_at is null", Integer.class, event.eventId())).isEqualTo(2 * sold);
		assertKeptCountsAgreeWithTheSeats(event.eventId());
		System.out.printf("%s confirm/expiry race round %d: %d confirmed, %d expired%n", this.database.vendor(),
				round.getCurrentRepetition(), sold, expired);
	}

	@RepeatedTest(3)
	void holdsAndSalesRacingForOverlappingSeatsLeaveEachSeatHeldSoldOrFree(RepetitionInfo round) throws Exception {
		var event = this.fixtures.newEvent(2, 10);
		var labels = this.catalog.seatMap(event.eventId()).seats().stream().map((seat) -> seat.label()).toList();
		var users = new ArrayList<User>();
		for (int i = 0; i < 24; i++) {
			users.add(this.fixtures.newUser());
		}
		var random = new Random(round.getCurrentRepetition());
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(users.size());
		var outcomes = new ArrayList<Future<Object>>();
		var wanted = new ArrayList<List<String>>();
		for (int i = 0; i < users.size(); i++) {
			var user = users.get(i);
			var seats = new ArrayList<>(labels);
			Collections.shuffle(seats, random);
			var mine = List.copyOf(seats.subList(0, 2 + random.nextInt(4)));
			wanted.add(mine);
			var holding = i % 2 == 0;
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return holding ? this.holds.hold(user, new HoldSeats(event.eventId(), mine))
							: this.reservations.reserve(user, new ReserveSeats(event.eventId(), mine));
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		var owner = new HashMap<String, String>();
		var state = new HashMap<String, SeatStatus>();
		for (int i = 0; i < users.size(); i++) {
			var result = outcomes.get(i).get(60, TimeUnit.SECONDS);
			if (result instanceof HoldDetails hold) {
				assertThat(hold.seats()).containsExactlyInAnyOrderElementsOf(wanted.get(i));
				hold.seats().forEach((seat) -> {
					assertThat(owner.put(seat, hold.holdId())).as("seat %s twice", seat).isNull();
					state.put(seat, SeatStatus.HELD);
				});
			}
			else if (result instanceof BookingDetails booking) {
				assertThat(booking.seats()).containsExactlyInAnyOrderElementsOf(wanted.get(i));
				booking.seats().forEach((seat) -> {
					assertThat(owner.put(seat, booking.bookingId())).as("seat %s twice", seat).isNull();
					state.put(seat, SeatStatus.BOOKED);
				});
			}
			else {
				assertThat(result).as("racer %d of %s", i, wanted.get(i)).isInstanceOf(SeatsUnavailable.class);
			}
		}
		pool.shutdown();
		assertThat(owner).isNotEmpty();
		for (var seat : this.catalog.seatMap(event.eventId()).seats()) {
			assertThat(seat.status()).as(seat.label()).isEqualTo(state.getOrDefault(seat.label(), SeatStatus.AVAILABLE));
		}
		// every held seat names its hold, every booked one its booking, and no free seat either
		assertThat(this.jdbc.queryForObject("select count(*) from event_seats where event_id = ? and ((status = 'HELD') "
				+ "<> (hold_id is not null) or (status = 'BOOKED') <> (booking_id is not null))", Integer.class,
				event.eventId())).isZero();
		assertKeptCountsAgreeWithTheSeats(event.eventId());
	}

	@Test
	void aPendingExpirySurvivesARestartAndRunsInTheNextProcess() throws Exception {
		String holdId;
		String eventId;
		// a process without a worker holds seats, then stops before the hold runs out
		// (its clock far ahead of this test's, whose worker must not run the job: the next process is to)
		var later = this.clock.instant().plus(Duration.ofDays(10));
		try (var first = engine(false)) {
			first.getBean(MutableClock.class).set(later);
			var fixtures = first.getBean(Fixtures.class);
			var event = fixtures.newEvent(1, 2);
			eventId = event.eventId();
			holdId = first.getBean(SeatHolds.class)
				.hold(fixtures.newUser(), new HoldSeats(eventId, List.of("A1", "A2")))
				.holdId();
		}
		assertThat(statuses(eventId)).containsOnly(SeatStatus.HELD);
		// the next process, with a worker, finds the job in the database and runs it once its time comes
		try (var next = engine(true)) {
			var nextHolds = next.getBean(SeatHolds.class);
			assertThat(nextHolds.details(holdId).status()).isEqualTo(HoldStatus.ACTIVE);
			next.getBean(MutableClock.class).set(later.plus(HOLD).plusSeconds(1));
			await(() -> nextHolds.details(holdId).status() == HoldStatus.EXPIRED);
			assertThat(statuses(eventId)).containsOnly(SeatStatus.AVAILABLE);
		}
		assertKeptCountsAgreeWithTheSeats(eventId);
	}

	/**
	 * The worker waits between polls on the engine's clock, which only tests move here: a move shorter than a poll's
	 * wait, made once the worker waits, must still let the worker run what fell due (the test clock wakes it, as time
	 * passing would). Without that, the restart test above once waited a minute in vain.
	 */
	@Test
	void aHoldExpiresWhenTheClockPassesItByLessThanTheWorkersWait() throws Exception {
		var event = this.fixtures.newEvent(1, 1);
		var hold = this.holds.hold(this.fixtures.newUser(), new HoldSeats(event.eventId(), List.of("A1")));
		// the worker polls just before the expiry, finds nothing, and waits until 200 ms of clock time have passed
		this.clock.set(hold.expiresAt().minusMillis(100));
		Thread.sleep(1000);
		// the clock passes the expiry, but not the end of that wait
		this.clock.set(hold.expiresAt().plusMillis(50));
		await(() -> this.holds.details(hold.holdId()).status() == HoldStatus.EXPIRED);
		assertThat(statuses(event.eventId())).containsOnly(SeatStatus.AVAILABLE);
	}

	@Test
	void twoWorkersOnOneDatabaseExpireEachHoldOnce() throws Exception {
		var event = this.fixtures.newEvent(2, 10);
		var holdIds = new ArrayList<String>();
		var expiresAt = new ArrayList<Instant>();
		for (int i = 1; i <= 10; i++) {
			// a second apart: the holds fall due one by one, for whichever worker polls first
			this.clock.advance(Duration.ofSeconds(1));
			var hold = this.holds.hold(this.fixtures.newUser(),
					new HoldSeats(event.eventId(), List.of("A" + i, "B" + i)));
			holdIds.add(hold.holdId());
			expiresAt.add(hold.expiresAt());
		}
		var expiries = new ConcurrentHashMap<String, AtomicInteger>();
		try (var other = engine(true)) {
			other.getBean(MutableClock.class).set(this.clock.instant());
			for (var context : List.of(this.context, other)) {
				var name = (context == other) ? "other" : "this";
				context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) (published) -> {
					if (published.getPayload() instanceof HoldChanged changed && changed.status() == HoldStatus.EXPIRED
							&& changed.eventId().equals(event.eventId())) {
						expiries.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
					}
				});
			}
			// both clocks pass each hold's expiry in turn, both workers polling
			for (var due : expiresAt) {
				other.getBean(MutableClock.class).set(due.plusMillis(1));
				this.clock.set(due.plusMillis(1));
				Thread.sleep(250);
			}
			await(() -> holdIds.stream().allMatch((id) -> this.holds.details(id).status() == HoldStatus.EXPIRED));
			Thread.sleep(1000);
		}
		var total = expiries.values().stream().mapToInt(AtomicInteger::get).sum();
		assertThat(total).as("expiries by both workers: %s", expiries).isEqualTo(holdIds.size());
		assertThat(statuses(event.eventId())).containsOnly(SeatStatus.AVAILABLE);
		assertKeptCountsAgreeWithTheSeats(event.eventId());
		System.out.printf("%s two workers expired %d holds: %s%n", this.database.vendor(), total, expiries);
	}

	private ConfigurableApplicationContext engine(boolean worker) {
		return new SpringApplicationBuilder(EngineTestApplication.class, TestClockConfiguration.class,
				FixturesConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + this.database.url(), "ADMIN_PASSWORD=" + EngineTest.ADMIN_PASSWORD,
					"seatline.jobs.outbox-dir=target/outbox", "seatline.jobs.worker=" + worker,
					"seatline.jobs.polling-interval=200ms", "seatline.booking.hold-duration=" + HOLD)
			.run();
	}

	private List<SeatStatus> statuses(String eventId) {
		return this.catalog.seatMap(eventId).seats().stream().map((seat) -> seat.status()).toList();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Awaits.until(condition, Duration.ofSeconds(60));
	}

	/** The event's kept counts, moved in the seat changes' transactions, match its seat rows. */
	private void assertKeptCountsAgreeWithTheSeats(String eventId) {
		var kept = this.jdbc.queryForMap(
				"select available_seats, booked_seats, held_seats, blocked_seats from events where id = ?", eventId);
		for (var status : SeatStatus.values()) {
			var rows = this.jdbc.queryForObject("select count(*) from event_seats where event_id = ? and status = ?",
					Long.class, eventId, status.name());
			assertThat(((Number) kept.get(status.name().toLowerCase() + "_seats")).longValue()).as("kept %s", status)
				.isEqualTo(rows);
		}
	}
}
