package io.seatline.engine.booking;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.boxoffice.SeatBlocks;
import io.seatline.engine.boxoffice.SeatSelection;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.catalog.UpdateEvent;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Calling events off and moving them, with their email jobs, on a real database (each subclass names one). */
abstract class EventCancellationsTests {

	@Autowired
	EventCancellations cancellations;

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	SeatBlocks blocks;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DatabaseUrl database;

	@Test
	void cancellingAnEventCancelsItsConfirmedBookingsFreesTheirSeatsAndSchedulesOneEmailForEach() {
		var event = this.fixtures.newEvent(2, 2);
		var ann = this.fixtures.newUser();
		var bob = this.fixtures.newUser();
		var first = this.fixtures.book(ann, event, "A1", "A2");
		var second = this.fixtures.book(bob, event, "B1");
		var withdrawn = this.fixtures.book(ann, event, "B2");
		this.reservations.cancel(ann, withdrawn);
		var admin = this.fixtures.admin();

		var cancelled = this.cancellations.cancel(admin, event.eventId(), " Storm ");
		assertThat(cancelled).isEqualTo(new EventCancellation(event.eventId(), "CANCELLED", 2));
		assertThat(this.catalog.seatMap(event.eventId()).seats()).extracting(SeatMap.Seat::status)
			.containsOnly(SeatStatus.AVAILABLE);
		assertThat(this.catalog.event(event.eventId()).isCancelled()).isTrue();
		assertThat(this.catalog.event(event.eventId()).cancelReason()).isEqualTo("Storm");
		assertThat(this.jdbc.queryForObject("select available_seats from events where id = ?", Integer.class,
				event.eventId())).isEqualTo(4);
		assertThat(this.reservations.details(first).status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(this.reservations.details(second).status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(jobs("EVENT_CANCELLED", event.eventId())).containsExactlyInAnyOrder("event-cancelled." + first,
				"event-cancelled." + second);
		assertThat(this.jdbc.queryForList("select status from email_jobs where id in (?, ?)", String.class,
				"review-prompt." + first, "review-prompt." + second)).containsOnly("CANCELLED");

		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.cancellations.cancel(admin, event.eventId(), null));
		assertThatExceptionOfType(Conflict.class).isThrownBy(
				() -> this.reservations.reserve(bob, new ReserveSeats(event.eventId(), List.of("A1"))));
		assertThatExceptionOfType(Conflict.class).isThrownBy(
				() -> this.catalog.updateEvent(admin, UpdateEvent.of(event.eventId(), "Again", null, null)));
		assertThat(jobs("EVENT_CANCELLED", event.eventId())).hasSize(2);
	}

	@Test
	void onlyAnAdminCancelsAnEventThatExists() {
		var event = this.fixtures.newEvent(1, 2);
		var user = this.fixtures.newUser();
		var booking = this.fixtures.book(user, event, "A1");
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.cancellations.cancel(user, event.eventId(), null));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.cancellations.cancel(this.fixtures.admin(), "nope", null));
		assertThat(this.reservations.details(booking).status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(this.catalog.event(event.eventId()).isCancelled()).isFalse();
	}

	@Test
	void movingAnEventSchedulesOneMoveEmailPerBookingAndMovesItsReviewPrompts() {
		var event = this.fixtures.newEvent(1, 3);
		var first = this.fixtures.book(this.fixtures.newUser(), event, "A1");
		var second = this.fixtures.book(this.fixtures.newUser(), event, "A2", "A3");
		var promptBefore = dueAt("review-prompt." + first);
		var later = event.startsAt().plus(Duration.ofHours(5));

		var moved = this.catalog.updateEvent(this.fixtures.admin(),
				new UpdateEvent(event.eventId(), null, null, later));
		assertThat(moved.event().startsAt()).isEqualTo(later);
		assertThat(moved.availableSeats()).isZero();
		assertThat(jobs("EVENT_MOVED", event.eventId())).hasSize(2)
			.allSatisfy((job) -> assertThat(this.jdbc.queryForObject(
					"select previous_starts_at from email_jobs where id = ?", Long.class, job))
				.isEqualTo(event.startsAt().toEpochMilli()));
		assertThat(dueAt("review-prompt." + first)).isEqualTo(promptBefore + Duration.ofHours(5).toMillis());
		assertThat(dueAt("review-prompt." + second)).isEqualTo(promptBefore + Duration.ofHours(5).toMillis());

		// a rename sends nothing
		this.catalog.updateEvent(this.fixtures.admin(), new UpdateEvent(event.eventId(), "Renamed", null, null));
		assertThat(jobs("EVENT_MOVED", event.eventId())).hasSize(2);
		assertThat(this.catalog.event(event.eventId()).name()).isEqualTo("Renamed");
	}

	@Test
	void cancellingAnEventWithMoreBookingsThanOneStatementTakesCancelsEachOnceWithItsEmailAndAuditEntry()
			throws Exception {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Big Hall " + System.nanoTime(), 6, 100));
		var event = this.catalog.createEvent(admin,
				new CreateEvent(venue.venueId(), "Sold out", this.clock.instant().plusSeconds(86_400), null, 600));
		var labels = this.catalog.seatMap(event.eventId()).seats().stream().map(SeatMap.Seat::label).toList();
		var ann = this.fixtures.newUser();
		var bob = this.fixtures.newUser();
		// more bookings than one statement releases (500), one of three seats, one withdrawn, one seat blocked
		var pool = Executors.newFixedThreadPool(8);
		var booked = new ArrayList<Future<String>>();
		for (var label : labels.stream().filter((label) -> !label.matches("F[1-9]")).limit(540).toList()) {
			booked.add(pool.submit(() -> this.fixtures.book(ann, event, label)));
		}
		booked.add(pool.submit(() -> this.fixtures.book(bob, event, "F1", "F2", "F3")));
		var ids = new ArrayList<String>();
		for (var booking : booked) {
			ids.add(booking.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		var withdrawn = this.fixtures.book(bob, event, "F4");
		this.reservations.cancel(bob, withdrawn);
		this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("F5")));

		var cancelled = this.cancellations.cancel(admin, event.eventId(), "The roof leaks");

		assertThat(cancelled.bookingsCancelled()).isEqualTo(541);
		assertThat(this.jdbc.queryForList("select id from bookings where event_id = ? and status = 'CANCELLED' "
				+ "and cancelled_at is not null and cancel_reason = 'The roof leaks'", String.class, event.eventId()))
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.jdbc.queryForObject("select count(*) from booking_seats where event_id = ? and released_at is null",
				Integer.class, event.eventId())).isZero();
		assertThat(this.catalog.seatMap(event.eventId()).seats()).filteredOn((seat) -> !seat.label().equals("F5"))
			.extracting(SeatMap.Seat::status)
			.containsOnly(SeatStatus.AVAILABLE);
		assertThat(this.jdbc.queryForMap("select available_seats, booked_seats, blocked_seats from events where id = ?",
				event.eventId()).values()).map(Number.class::cast).map(Number::intValue).containsExactly(599, 0, 1);
		assertThat(jobs("EVENT_CANCELLED", event.eventId())).hasSize(541)
			.containsAll(ids.stream().map((id) -> "event-cancelled." + id).toList());
		assertThat(this.jdbc.queryForList("select booking_id from audit_entries where action = 'cancelEvent' "
				+ "and event_id = ? and booking_id is not null", String.class, event.eventId()))
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.reservations.details(ids.get(0)).status()).isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void aBookingThatWaitedForTheEventWhileItWasCalledOffIsRefusedAndKeepsNothing() throws Exception {
		assumeFalse(this.database.isSqlite(), "SQLite has one writer at a time: nothing commits while a booking runs");
		var event = this.fixtures.newEvent(2, 2);
		var ann = this.fixtures.newUser();
		var pool = Executors.newSingleThreadExecutor();
		try (var other = DriverManager.getConnection(this.database.jdbcUrl())) {
			// another runner calls the event off: it holds the event's row until it commits
			other.setAutoCommit(false);
			try (var cancel = other.prepareStatement("update events set cancelled_at = ? where id = ?")) {
				cancel.setLong(1, this.clock.instant().toEpochMilli());
				cancel.setString(2, event.eventId());
				assertThat(cancel.executeUpdate()).isOne();
			}
			// the booking found the event scheduled, then waits for the event's row to claim its seats
			var booking = pool.submit(() -> this.fixtures.book(ann, event, "A1", "A2"));
			var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (this.jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) == 0) {
				assertThat(booking.isDone()).as("the booking waits for the event's row").isFalse();
				assertThat(System.nanoTime()).as("the booking waits within 30 s").isLessThan(deadline);
				Thread.sleep(10);
			}
			other.commit();

			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> booking.get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(Conflict.class)
				.withMessageContaining("cancelled");
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.queryForList("select id from bookings where event_id = ?", String.class, event.eventId()))
			.isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from event_seats where event_id = ? and status <> 'AVAILABLE'",
				Integer.class, event.eventId())).isZero();
		assertThat(this.jdbc.queryForObject("select available_seats from events where id = ?", Integer.class,
				event.eventId())).isEqualTo(4);
	}

	private List<String> jobs(String kind, String eventId) {
		return this.jdbc.queryForList("""
				select j.id from email_jobs j join bookings b on b.id = j.booking_id
				where j.kind = ? and b.event_id = ? order by j.id""", String.class, kind, eventId);
	}

	private long dueAt(String jobId) {
		return this.jdbc.queryForObject("select due_at from email_jobs where id = ?", Long.class, jobId);
	}
}
