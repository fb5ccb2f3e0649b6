package io.seatline.engine.booking;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.AllOrNothing;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Booking and cancelling on a real database (each subclass names one). */
abstract class SeatReservationsTests {

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AllOrNothing allOrNothing;



	@Test
	void seatsTheEventDoesNotHaveAreRefusedAndNamed() {
		var event = this.fixtures.newEvent(1, 2);
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.reservations.reserve(this.fixtures.newUser(),
					new ReserveSeats(event.eventId(), List.of("A1", "Z9"))))
			.satisfies((ex) -> assertThat(ex.details()).containsEntry("seats", List.of("Z9")));
		assertThat(statuses(event.eventId())).containsOnly("AVAILABLE");
	}

	@Test
	void anUnknownEventIsNotFound() {
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.reservations.reserve(this.fixtures.newUser(),
				new ReserveSeats("no-such-event", List.of("A1"))));
	}


	@Test
	void aBookingIsCancelledOnce() {
		var event = this.fixtures.newEvent(1, 1);
		var user = this.fixtures.newUser();
		var bookingId = this.fixtures.book(user, event, "A1");
		this.reservations.cancel(user, bookingId);
		this.fixtures.book(this.fixtures.newUser(), event, "A1");
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.reservations.cancel(user, bookingId));
		assertThat(statuses(event.eventId())).containsExactly("BOOKED");
	}

	@Test
	void anotherUsersBookingCannotBeCancelled() {
		var event = this.fixtures.newEvent(1, 1);
		var bookingId = this.fixtures.book(this.fixtures.newUser(), event, "A1");
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.reservations.cancel(this.fixtures.newUser(), bookingId));
		assertThat(statuses(event.eventId())).containsExactly("BOOKED");
	}

	@Test
	void anEventThatHasStartedCanNeitherBeBookedNorCancelled() {
		var event = this.fixtures.newEvent(1, 2);
		var user = this.fixtures.newUser();
		var bookingId = this.fixtures.book(user, event, "A1");
		this.clock.advance(Duration.ofDays(2));
		try {
			assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.fixtures.book(user, event, "A2"));
			assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.reservations.cancel(user, bookingId));
			assertThat(statuses(event.eventId())).containsExactly("BOOKED", "AVAILABLE");
		}
		finally {
			this.clock.advance(Duration.ofDays(-2));
		}
	}

	@Test
	void myBookingsListsNewestFirst() {
		var event = this.fixtures.newEvent(1, 3);
		var user = this.fixtures.newUser();
		var first = this.fixtures.book(user, event, "A1");
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.fixtures.book(user, event, "A3");
		assertThat(this.reservations.bookingsOf(user)).extracting(BookingDetails::bookingId)
			.containsExactly(second, first);
	}

	@Test
	void aSeatMapReadInsideAWriteThatRollsBackIsNeverServedLater() {
		var event = this.fixtures.newEvent(1, 2);
		var user = this.fixtures.newUser();
		// a composition such as reserveSeats,eventSeats that fails after reading the map it changed
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.allOrNothing.write(() -> {
			this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of("A1")));
			assertThat(this.catalog.seatMap(event.eventId()).seats()).first()
				.satisfies((seat) -> assertThat(seat.status()).isEqualTo(SeatStatus.BOOKED));
			throw new IllegalStateException("a later step fails");
		}));
		// the next committed change reaches the same seat version the rolled-back one had reached
		this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of("A2")));
		assertThat(this.allOrNothing.read(() -> this.catalog.seatMap(event.eventId()).seats()))
			.extracting(SeatMap.Seat::status)
			.containsExactly(SeatStatus.AVAILABLE, SeatStatus.BOOKED);
	}

	@Test
	void aBookingTakesAllItsSeats() {
		var event = this.fixtures.newEvent(2, 4);
		var user = this.fixtures.newUser();
		var booking = this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of("B2", "a1", "A4")));
		assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(booking.seats()).containsExactly("A1", "A4", "B2");
		assertThat(booking.createdAt()).isEqualTo(this.clock.instant());
		assertThat(booked(event.eventId())).containsExactly("A1", "A4", "B2");
		assertThat(statuses(event.eventId())).containsExactly("BOOKED", "AVAILABLE", "AVAILABLE", "BOOKED",
				"AVAILABLE", "BOOKED", "AVAILABLE", "AVAILABLE");
		assertThat(this.reservations.bookingsOf(user)).singleElement().satisfies((mine) -> {
			assertThat(mine.bookingId()).isEqualTo(booking.bookingId());
			assertThat(mine.seats()).containsExactly("A1", "A4", "B2");
		});
		assertThat(liveLedger(event.eventId())).containsExactly("A1", "A4", "B2");
	}

	@Test
	void whenOneSeatIsTakenNoneIsBookedAndTheTakenOnesAreNamed() {
		var event = this.fixtures.newEvent(1, 6);
		this.fixtures.book(this.fixtures.newUser(), event, "A2", "A5");
		var late = this.fixtures.newUser();
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.reservations.reserve(late,
					new ReserveSeats(event.eventId(), List.of("A5", "A1", "A2", "A3"))))
			.satisfies((refused) -> {
				assertThat(refused.seats()).containsExactly("A2", "A5");
				assertThat(refused.code()).isEqualTo("SEATS_UNAVAILABLE");
			});
		assertThat(booked(event.eventId())).containsExactly("A2", "A5");
		assertThat(this.reservations.bookingsOf(late)).isEmpty();
		assertThat(liveLedger(event.eventId())).containsExactly("A2", "A5");
		assertThat(this.jdbc.queryForObject("select count(*) from bookings where event_id = ?", Long.class,
				event.eventId())).isOne();
	}

	@Test
	void cancellingFreesTheSeatsForTheNextBuyer() {
		var event = this.fixtures.newEvent(1, 3);
		var first = this.fixtures.newUser();
		var bookingId = this.fixtures.book(first, event, "A1", "A2");
		var cancelled = this.reservations.cancel(first, bookingId);
		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.cancelledAt()).isEqualTo(this.clock.instant());
		assertThat(booked(event.eventId())).isEmpty();
		assertThat(liveLedger(event.eventId())).isEmpty();
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.reservations.cancel(first, bookingId));

		var second = this.fixtures.newUser();
		this.fixtures.book(second, event, "A2", "A3");
		assertThat(booked(event.eventId())).containsExactly("A2", "A3");
		assertThat(this.reservations.bookingsOf(first)).singleElement()
			.satisfies((mine) -> assertThat(mine.status()).isEqualTo(BookingStatus.CANCELLED));
	}

	private List<String> statuses(String eventId) {
		SeatMap map = this.catalog.seatMap(eventId);
		return map.seats().stream().map(SeatMap.Seat::status).map(SeatStatus::name).toList();
	}

	private List<String> booked(String eventId) {
		return this.catalog.seatMap(eventId).seats().stream()
			.filter((seat) -> seat.status() == SeatStatus.BOOKED)
			.map(SeatMap.Seat::label)
			.toList();
	}

	private List<String> liveLedger(String eventId) {
		return this.jdbc.queryForList(
				"select label from booking_seats where event_id = ? and released_at is null order by position",
				String.class, eventId);
	}
}
