package io.seatline.engine.boxoffice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.account.User;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.BookingLedger;
import io.seatline.engine.booking.BookingReferences;
import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.booking.CancelBookingFor;
import io.seatline.engine.booking.EventCancellations;
import io.seatline.engine.booking.FindBookings;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.persistence.WritePath;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.notification.EmailKind;
import io.seatline.engine.notification.EmailOutbox;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.testapp.EngineTest;
import io.seatline.testapp.EngineTestApplication;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;
import io.seatline.testapp.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The box office on a real database (each subclass names one): blocks, the admin's seat map, search, cancel-for, a
 * race of real threads in which an admin blocks seats that buyers are booking, and one in which another process blocks
 * seats of an event being called off.
 */
abstract class BoxOfficeTests {

	static final int BUYERS = 24;

	static final int BLOCKERS = 6;

	// registering costs a password hash each: the buyers of a database are registered once and reused
	private static final Map<String, List<User>> BUYERS_BY_DATABASE = new ConcurrentHashMap<>();

	@Autowired
	DatabaseUrl database;

	@Autowired
	SeatBlocks blocks;

	@Autowired
	SeatHolders holders;

	@Autowired
	SeatReservations reservations;

	@Autowired
	BookingLedger ledger;

	@Autowired
	EventCancellations cancellations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	SeatInventory inventory;

	@Autowired
	EmailOutbox emails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WritePath writes;

	@Test
	void blockedSeatsLeaveSaleAtOnceAndComeBackUnblocked() {
		var event = this.fixtures.newEvent(1, 4);
		var admin = this.fixtures.admin();
		var version = this.inventory.versionOf(event.eventId());
		var blocked = this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("a3", "A1")));
		assertThat(blocked).isEqualTo(new SeatsBlocked(event.eventId(), List.of("A1", "A3"), SeatStatus.BLOCKED, "admin"));
		assertThat(this.inventory.versionOf(event.eventId())).isGreaterThan(version);
		assertThat(statuses(event)).containsExactly("BLOCKED", "AVAILABLE", "BLOCKED", "AVAILABLE");
		assertThat(counts(event)).containsEntry(SeatStatus.AVAILABLE, 2).containsEntry(SeatStatus.BLOCKED, 2);
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.fixtures.book(this.fixtures.newUser(), event, "A1"))
			.satisfies((ex) -> assertThat(ex.seats()).containsExactly("A1"));

		var unblocked = this.blocks.unblock(admin, new SeatSelection(event.eventId(), List.of("A1")));
		assertThat(unblocked.status()).isEqualTo(SeatStatus.AVAILABLE);
		assertThat(statuses(event)).containsExactly("AVAILABLE", "AVAILABLE", "BLOCKED", "AVAILABLE");
		assertThat(counts(event)).containsEntry(SeatStatus.AVAILABLE, 3).containsEntry(SeatStatus.BLOCKED, 1);
		this.fixtures.book(this.fixtures.newUser(), event, "A1");
	}

	@Test
	void aSeatChangeKeptWithFewerSeatsThanItAskedForMovesTheCountsOfTheSeatsItChangedOnly() {
		var event = this.fixtures.newEvent(1, 4);
		this.fixtures.book(this.fixtures.newUser(), event, "A2");
		// every caller in the engine rolls a short change back; the counts must hold for one that does not
		var blocked = this.writes.write(() -> this.inventory.block(event.eventId(), List.of("A1", "A2")));
		assertThat(blocked).containsExactly("A1");
		assertThat(statuses(event)).containsExactly("BLOCKED", "BOOKED", "AVAILABLE", "AVAILABLE");
		assertCountsAgree(event);
	}

	@Test
	void blockingASoldOrBlockedSeatBlocksNoneAndNamesThem() {
		var event = this.fixtures.newEvent(1, 4);
		var admin = this.fixtures.admin();
		this.fixtures.book(this.fixtures.newUser(), event, "A2");
		this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A4")));
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A4", "A1", "A2"))))
			.satisfies((ex) -> assertThat(ex.seats()).containsExactly("A2", "A4"));
		assertThat(statuses(event)).containsExactly("AVAILABLE", "BOOKED", "AVAILABLE", "BLOCKED");
		assertThat(counts(event)).containsEntry(SeatStatus.AVAILABLE, 2).containsEntry(SeatStatus.BLOCKED, 1);
	}

	@Test
	void aCancelledEventsSeatsCanNeitherBeBlockedNorUnblocked() {
		var event = this.fixtures.newEvent(1, 3);
		var admin = this.fixtures.admin();
		this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A1")));
		this.cancellations.cancel(admin, event.eventId(), "The band split up");
		var version = this.inventory.versionOf(event.eventId());
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A2"))))
			.withMessageContaining("cancelled");
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.blocks.unblock(admin, new SeatSelection(event.eventId(), List.of("A1"))))
			.withMessageContaining("cancelled");
		assertThat(statuses(event)).containsExactly("BLOCKED", "AVAILABLE", "AVAILABLE");
		assertThat(this.inventory.versionOf(event.eventId())).isEqualTo(version);
	}

	@Test
	void unblockingASeatThatIsNotBlockedIsAConflictNamingIt() {
		var event = this.fixtures.newEvent(1, 3);
		var admin = this.fixtures.admin();
		this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A1")));
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.blocks.unblock(admin, new SeatSelection(event.eventId(), List.of("A1", "A2"))))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("seats", List.of("A2")));
		assertThat(statuses(event)).containsExactly("BLOCKED", "AVAILABLE", "AVAILABLE");
	}

	@Test
	void unknownSeatsEventsAndCallersAreRefused() {
		var event = this.fixtures.newEvent(1, 2);
		var admin = this.fixtures.admin();
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A1", "Z9"))))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("field", "seats")
				.containsEntry("seats", List.of("Z9")));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.blocks.block(admin, new SeatSelection("no-such-event", List.of("A1"))));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.blocks
			.block(this.fixtures.newUser(), new SeatSelection(event.eventId(), List.of("A1"))));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.holders.seatMap(this.fixtures.newUser(), event.eventId()));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.holders.seatMap(admin, "no-such-event"));
		assertThat(statuses(event)).containsOnly("AVAILABLE");
	}

	@Test
	void theAdminSeatMapNamesTheBookingAndBuyerOfEverySoldSeat() {
		var event = this.fixtures.newEvent(1, 3);
		var buyer = this.fixtures.newUser();
		var booking = this.reservations.reserve(buyer, new ReserveSeats(event.eventId(), List.of("A2")));
		this.blocks.block(this.fixtures.admin(), new SeatSelection(event.eventId(), List.of("A3")));
		var map = this.holders.seatMap(this.fixtures.admin(), event.eventId());
		assertThat(map.event().eventId()).isEqualTo(event.eventId());
		assertThat(map.seats()).containsExactly(new AdminSeatMap.Seat("A1", SeatStatus.AVAILABLE, null, null, null),
				new AdminSeatMap.Seat("A2", SeatStatus.BOOKED, booking.bookingId(), booking.reference(),
						buyer.username()),
				new AdminSeatMap.Seat("A3", SeatStatus.BLOCKED, null, null, null));
	}

	@Test
	void bookingsAreFoundByReferenceAsReadOutByBuyerAndByEvent() {
		var event = this.fixtures.newEvent(1, 4);
		var buyer = this.fixtures.newUser();
		var first = this.reservations.reserve(buyer, new ReserveSeats(event.eventId(), List.of("A1")));
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.reservations.reserve(this.fixtures.newUser(), new ReserveSeats(event.eventId(), List.of("A2")));
		var admin = this.fixtures.admin();
		var typed = first.reference().substring(0, 4).toLowerCase() + " - " + first.reference().substring(4);
		assertThat(this.ledger.find(admin, new FindBookings(typed, null, null))).extracting(BookingDetails::bookingId)
			.containsExactly(first.bookingId());
		assertThat(this.ledger.find(admin, new FindBookings(null, buyer.username().toUpperCase(), null)))
			.singleElement()
			.satisfies((found) -> {
				assertThat(found.reference()).isEqualTo(first.reference());
				assertThat(found.seats()).containsExactly("A1");
				assertThat(found.event().name()).isEqualTo(event.name());
				assertThat(found.username()).isEqualTo(buyer.username());
			});
		assertThat(this.ledger.find(admin, new FindBookings(null, null, event.eventId())))
			.extracting(BookingDetails::bookingId)
			.containsExactly(second.bookingId(), first.bookingId());
		assertThat(this.ledger.find(admin, new FindBookings(second.reference(), buyer.username(), null))).isEmpty();
		assertThat(this.ledger.find(admin, new FindBookings(null, "nobody-by-this-name", null))).isEmpty();
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.ledger.find(admin, new FindBookings(null, null, "no-such-event")));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.ledger.find(buyer, new FindBookings(first.reference(), null, null)));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new FindBookings(" ", null, null));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new FindBookings("O0I1O0I1", null, null));
	}

	@Test
	void theBoxOfficeCancelsACustomersBookingOnceWithTheReasonInTheEmail() {
		var event = this.fixtures.newEvent(1, 2);
		var buyer = this.fixtures.newUser();
		var booking = this.reservations.reserve(buyer, new ReserveSeats(event.eventId(), List.of("A1", "A2")));
		var admin = this.fixtures.admin();
		var cancelled = this.reservations.cancelFor(admin,
				new CancelBookingFor(null, booking.reference().toLowerCase(), "  The show moved to a smaller hall  "));
		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.username()).isEqualTo(buyer.username());
		assertThat(cancelled.cancelReason()).isEqualTo("The show moved to a smaller hall");
		assertThat(statuses(event)).containsOnly("AVAILABLE");
		assertThat(this.reservations.details(booking.bookingId()).cancelReason())
			.isEqualTo("The show moved to a smaller hall");
		assertThat(this.emails.emailsOf(booking.bookingId())).filteredOn((job) -> job.kind() == EmailKind.BOOKING_CANCELLED)
			.hasSize(1);

		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.reservations.cancelFor(admin,
				new CancelBookingFor(booking.bookingId(), null, "Again")));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.reservations.cancelFor(buyer,
				new CancelBookingFor(booking.bookingId(), null, "Mine")));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.reservations.cancelFor(admin,
				new CancelBookingFor("no-such-booking", null, "Why")));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new CancelBookingFor(booking.bookingId(), null, "   "))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("reason"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new CancelBookingFor(booking.bookingId(), null, "x".repeat(501)));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new CancelBookingFor(booking.bookingId(), null, "a\u0000b"));
	}

	@Test
	void theBoxOfficeCannotCancelOnceTheEventHasStarted() {
		var event = this.fixtures.newEvent(1, 1);
		var bookingId = this.fixtures.book(this.fixtures.newUser(), event, "A1");
		this.clock.advance(Duration.ofDays(2));
		try {
			assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.reservations
				.cancelFor(this.fixtures.admin(), new CancelBookingFor(bookingId, null, "Too late")));
		}
		finally {
			this.clock.advance(Duration.ofDays(-2));
		}
		assertThat(statuses(event)).containsExactly("BOOKED");
	}

	@Test
	void everyBookingHasItsOwnReferenceOfEightCharactersWithout0O1I() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Reference Hall " + System.nanoTime(), 10, 30));
		var event = this.catalog.createEvent(admin,
				new CreateEvent(venue.venueId(), "Many bookings", this.clock.instant().plusSeconds(86_400), null, 300));
		var buyer = this.fixtures.newUser();
		var references = new HashSet<String>();
		for (var seat : this.catalog.seatMap(event.eventId()).seats()) {
			var booking = this.reservations.reserve(buyer, new ReserveSeats(event.eventId(), List.of(seat.label())));
			assertThat(booking.reference()).hasSize(BookingReferences.LENGTH)
				.matches("[" + BookingReferences.ALPHABET + "]+")
				.doesNotContain("0", "O", "1", "I");
			references.add(booking.reference());
		}
		assertThat(references).hasSize(300);
		assertThat(this.jdbc.queryForObject("select count(distinct reference) from bookings where event_id = ?",
				Long.class, event.eventId())).isEqualTo(300L);
	}

	@RepeatedTest(3)
	void anAdminBlockingWhileBuyersBookLeavesEverySeatBlockedOrSoldNeverBoth(RepetitionInfo round) throws Exception {
		var event = this.fixtures.newEvent(2, 10);
		var labels = this.catalog.seatMap(event.eventId()).seats().stream().map((seat) -> seat.label()).toList();
		var admin = this.fixtures.admin();
		var users = buyers();
		var random = new Random(round.getCurrentRepetition());
		var pool = Executors.newFixedThreadPool(BUYERS + BLOCKERS);
		var start = new CountDownLatch(1);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < BUYERS + BLOCKERS; i++) {
			var shuffled = new ArrayList<>(labels);
			Collections.shuffle(shuffled, random);
			var seats = List.copyOf(shuffled.subList(0, 2 + random.nextInt(4)));
			var user = (i < BUYERS) ? users.get(i) : admin;
			var blocking = i >= BUYERS;
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return blocking ? this.blocks.block(user, new SeatSelection(event.eventId(), seats))
							: this.reservations.reserve(user, new ReserveSeats(event.eventId(), seats));
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		var sold = new HashSet<String>();
		var blocked = new HashSet<String>();
		for (var outcome : outcomes) {
			var result = outcome.get(60, TimeUnit.SECONDS);
			if (result instanceof BookingDetails booking) {
				booking.seats().forEach((seat) -> assertThat(sold.add(seat)).as("%s sold twice", seat).isTrue());
			}
			else if (result instanceof SeatsBlocked change) {
				change.seats().forEach((seat) -> assertThat(blocked.add(seat)).as("%s blocked twice", seat).isTrue());
			}
			else {
				// a buyer or the admin found a seat taken; anything else (a deadlock, a timeout) fails here
				assertThat(result).isInstanceOf(SeatsUnavailable.class);
			}
		}
		pool.shutdown();
		assertThat(sold).filteredOn(blocked::contains).as("seats both sold and blocked").isEmpty();
		var map = this.catalog.seatMap(event.eventId()).seats();
		for (var seat : map) {
			var expected = sold.contains(seat.label()) ? SeatStatus.BOOKED
					: blocked.contains(seat.label()) ? SeatStatus.BLOCKED : SeatStatus.AVAILABLE;
			assertThat(seat.status()).as(seat.label()).isEqualTo(expected);
		}
		assertThat(this.jdbc.queryForList("select label from booking_seats where event_id = ? and released_at is null",
				String.class, event.eventId()))
			.containsExactlyInAnyOrderElementsOf(sold);
		assertCountsAgree(event);
	}

	@Test
	void aBlockInAnotherProcessRacingTheEventsCancellationNeverBlocksTheSeatsItFreed() throws Exception {
		var admin = this.fixtures.admin();
		// a second engine on the same database, with its own write path: one process's writes take turns, two do not
		try (var other = new SpringApplicationBuilder(EngineTestApplication.class, TestClockConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + this.database.url(), "ADMIN_PASSWORD=" + EngineTest.ADMIN_PASSWORD,
					"seatline.jobs.outbox-dir=target/outbox")
			.run()) {
			var otherBlocks = other.getBean(SeatBlocks.class);
			var pool = Executors.newFixedThreadPool(2);
			for (int round = 0; round < 30; round++) {
				var event = this.fixtures.newEvent(1, 2);
				// the only seats blocked for are sold: a block can take them only once the cancellation freed them
				this.fixtures.book(buyers().get(0), event, "A1", "A2");
				var start = new CountDownLatch(1);
				var cancelled = pool.submit(() -> {
					start.await();
					return this.cancellations.cancel(admin, event.eventId(), "The hall floods");
				});
				var blocking = pool.submit((Callable<Object>) () -> {
					start.await();
					var until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
					while (System.nanoTime() < until) {
						try {
							return otherBlocks.block(admin, new SeatSelection(event.eventId(), List.of("A1", "A2")));
						}
						catch (SeatsUnavailable ex) {
							// still sold: the cancellation has not committed yet, so try again at once
						}
						catch (RuntimeException ex) {
							return ex;
						}
					}
					return "still sold after 20 s";
				});
				start.countDown();
				assertThat(cancelled.get(60, TimeUnit.SECONDS).bookingsCancelled()).isEqualTo(1);
				assertThat(blocking.get(60, TimeUnit.SECONDS)).as("round %d", round).isInstanceOf(Conflict.class);
				assertThat(statuses(event)).as("round %d", round).containsExactly("AVAILABLE", "AVAILABLE");
				assertCountsAgree(event);
			}
			pool.shutdown();
		}
	}

	/** {@value #BUYERS} registered users of this test's database. */
	List<User> buyers() {
		var users = BUYERS_BY_DATABASE.computeIfAbsent(this.database.url(), (url) -> new ArrayList<>());
		while (users.size() < BUYERS) {
			users.add(this.fixtures.newUser());
		}
		return users;
	}

	List<String> statuses(EventDetails event) {
		return this.catalog.seatMap(event.eventId()).seats().stream().map((seat) -> seat.status().name()).toList();
	}

	Map<SeatStatus, Integer> counts(EventDetails event) {
		return this.inventory.countByStatus(List.of(event.eventId())).get(event.eventId());
	}

	/** The kept counts match the seat rows, and every seat is in exactly one state. */
	void assertCountsAgree(EventDetails event) {
		var kept = counts(event);
		var rows = new ArrayList<String>(statuses(event));
		for (var status : SeatStatus.values()) {
			assertThat(kept.get(status)).as("kept %s", status)
				.isEqualTo((int) rows.stream().filter(status.name()::equals).count());
		}
		assertThat(kept.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(event.totalSeats());
	}
}
