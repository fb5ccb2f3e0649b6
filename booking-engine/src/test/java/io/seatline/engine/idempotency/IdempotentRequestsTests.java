package io.seatline.engine.idempotency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.account.User;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.persistence.DatabaseFailures;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bookings sent with an idempotency key, on a real database (each subclass names one): once per caller, function
 * and key, whoever sends them and however often, and the same answer to every repeat.
 */
abstract class IdempotentRequestsTests {

	static final int SENDERS = 20;

	@Autowired
	IdempotentRequests requests;

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

	/** What a booking function answers, as JSON goes: written and read back as it is. */
	record Booked(String bookingId, String reference, List<String> seats, String status) {

		static Booked of(BookingDetails details) {
			return new Booked(details.bookingId(), details.reference(), details.seats(), details.status().name());
		}
	}

	@Test
	void twentySendersOfOneKeyAtOnceBookOnceAndAllHearTheSameAnswer() throws Exception {
		var event = this.fixtures.newEvent(1, 4);
		var user = this.fixtures.newUser();
		var key = new IdempotencyKey(UUID.randomUUID().toString());
		var command = new ReserveSeats(event.eventId(), List.of("A1", "A2"));
		var writesRun = new AtomicInteger();
		var pool = Executors.newFixedThreadPool(SENDERS);
		var ready = new CountDownLatch(SENDERS);
		var go = new CountDownLatch(1);
		var answers = new ArrayList<Future<Booked>>();
		try {
			for (int i = 0; i < SENDERS; i++) {
				answers.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return this.requests.once(user, "reserveSeats", key, command, Booked.class, () -> {
						writesRun.incrementAndGet();
						return Booked.of(this.reservations.reserve(user, command));
					});
				}));
			}
			ready.await();
			go.countDown();
			var heard = new ArrayList<Booked>();
			for (var answer : answers) {
				heard.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(heard).hasSize(SENDERS).containsOnly(heard.get(0));
			assertThat(heard.get(0).seats()).containsExactly("A1", "A2");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(writesRun).hasValue(1);
		assertThat(bookingsOf(user, event)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherRequestIsAConflictAndChangesNothing() {
		var event = this.fixtures.newEvent(1, 4);
		var user = this.fixtures.newUser();
		var key = new IdempotencyKey("book-" + UUID.randomUUID());
		var first = reserve(user, key, event, "A1");
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> reserve(user, key, event, "A2"))
			.withMessageContaining("already used for another reserveSeats request");
		assertThat(bookingsOf(user, event)).isEqualTo(1);
		assertThat(this.reservations.details(first.bookingId()).seats()).containsExactly("A1");
		assertThat(reserve(user, key, event, "A1")).isEqualTo(first);
	}

	@Test
	void keysBelongToOneCallerAndOneFunction() {
		var event = this.fixtures.newEvent(1, 4);
		var key = new IdempotencyKey("same-key-" + UUID.randomUUID());
		var first = reserve(this.fixtures.newUser(), key, event, "A1");
		var second = reserve(this.fixtures.newUser(), key, event, "A2");
		assertThat(second.bookingId()).isNotEqualTo(first.bookingId());
		var user = this.fixtures.newUser();
		var booked = reserve(user, key, event, "A3");
		var cancelled = this.requests.once(user, "cancelBooking", key, booked.bookingId(), Booked.class,
				() -> Booked.of(this.reservations.cancel(user, booked.bookingId())));
		assertThat(cancelled.status()).isEqualTo("CANCELLED");
	}

	@Test
	void aKeyExpiresAfterTwentyFourHoursAndMayThenBeUsedAgain() {
		var event = eventInDays(5);
		var user = this.fixtures.newUser();
		var key = new IdempotencyKey("expiring-" + UUID.randomUUID());
		var first = reserve(user, key, event, "A1");
		this.clock.advance(IdempotentRequests.LIFETIME.minusSeconds(1));
		assertThat(reserve(user, key, event, "A1")).isEqualTo(first);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> reserve(user, key, event, "A2"));
		this.clock.advance(Duration.ofSeconds(1));
		var again = reserve(user, key, event, "A2");
		assertThat(again.bookingId()).isNotEqualTo(first.bookingId());
		assertThat(bookingsOf(user, event)).isEqualTo(2);
		// later keyed writes purge what expired
		this.clock.advance(IdempotentRequests.LIFETIME.plusMinutes(2));
		reserve(this.fixtures.newUser(), new IdempotencyKey("purger-" + UUID.randomUUID()), event, "A3");
		assertThat(this.jdbc.queryForObject("select count(*) from idempotent_requests where expires_at <= ?",
				Long.class, this.clock.instant().toEpochMilli())).isZero();
	}

	@Test
	void aRefusalIsStoredAndAnsweredAgainEvenWhenTheSeatsHaveBeenFreedMeanwhile() {
		var event = this.fixtures.newEvent(1, 4);
		var holder = this.fixtures.newUser();
		var held = this.fixtures.book(holder, event, "A1");
		var user = this.fixtures.newUser();
		var key = new IdempotencyKey("refused-" + UUID.randomUUID());
		assertThatExceptionOfType(SeatsUnavailable.class).isThrownBy(() -> reserve(user, key, event, "A1", "A2"))
			.satisfies((ex) -> assertThat(ex.seats()).containsExactly("A1"));
		this.reservations.cancel(holder, held);
		assertThatExceptionOfType(SeatsUnavailable.class).isThrownBy(() -> reserve(user, key, event, "A1", "A2"))
			.satisfies((ex) -> assertThat(ex.seats()).containsExactly("A1"))
			.withMessage("These seats are not available: A1");
		assertThat(bookingsOf(user, event)).isZero();
		// the refused attempt left nothing of its own behind: A2 is free for anyone
		assertThat(this.fixtures.book(this.fixtures.newUser(), event, "A1", "A2")).isNotNull();
	}

	@Test
	void aBusyAnswerIsNotStoredSoTheRetryRunsAgain() {
		var event = this.fixtures.newEvent(1, 4);
		var user = this.fixtures.newUser();
		var key = new IdempotencyKey("busy-" + UUID.randomUUID());
		var command = new ReserveSeats(event.eventId(), List.of("A1"));
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.requests.once(user, "reserveSeats", key, command, Booked.class, () -> {
				this.reservations.reserve(user, command);
				throw DatabaseFailures.busy();
			}))
			.satisfies((ex) -> assertThat(ex.getClass().getSimpleName()).isEqualTo("Busy"));
		assertThat(bookingsOf(user, event)).isZero();
		var booked = reserve(user, key, event, "A1");
		assertThat(booked.seats()).containsExactly("A1");
		assertThat(bookingsOf(user, event)).isEqualTo(1);
	}

	@Test
	void aKeyIsOneTo255PrintableAsciiCharacters() {
		assertThat(new IdempotencyKey("a").value()).isEqualTo("a");
		assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
		for (var wrong : List.of("", "   ", "k".repeat(256), "caf\u00e9", "tab\there", "line\n")) {
			assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new IdempotencyKey(wrong))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("idempotencyKey"));
		}
		assertThat(IdempotencyKey.of(null)).isNull();
	}

	private Booked reserve(User user, IdempotencyKey key, EventDetails event, String... seats) {
		var command = new ReserveSeats(event.eventId(), List.of(seats));
		return this.requests.once(user, "reserveSeats", key, command, Booked.class,
				() -> Booked.of(this.reservations.reserve(user, command)));
	}

	private long bookingsOf(User user, EventDetails event) {
		return this.jdbc.queryForObject("select count(*) from bookings where account_id = ? and event_id = ?",
				Long.class, user.id(), event.eventId());
	}

	private EventDetails eventInDays(int days) {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Venue " + UUID.randomUUID(), 1, 4));
		return this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Event " + UUID.randomUUID(),
				this.clock.instant().plus(Duration.ofDays(days)), null));
	}
}
