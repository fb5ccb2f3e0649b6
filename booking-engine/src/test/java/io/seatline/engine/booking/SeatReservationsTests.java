package io.seatline.engine.booking;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.testapp.EngineTest;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@EngineTest
class SeatReservationsTests {

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Test
	void aBookingTakesEverySeatItNames() {
		var event = this.fixtures.newEvent(2, 3);
		var user = this.fixtures.newUser();
		var booking = this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of("B2", "a1")));
		assertThat(booking.seats()).containsExactly("A1", "B2");
		assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(statuses(event.eventId())).containsExactly("BOOKED", "AVAILABLE", "AVAILABLE", "AVAILABLE",
				"BOOKED", "AVAILABLE");
	}

	@Test
	void whenOneSeatIsTakenNoneIsBooked() {
		var event = this.fixtures.newEvent(1, 4);
		this.fixtures.book(this.fixtures.newUser(), event, "A2");
		var second = this.fixtures.newUser();
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.reservations.reserve(second, new ReserveSeats(event.eventId(), List.of("A1", "A2", "A3"))))
			.satisfies((ex) -> assertThat(ex.seats()).containsExactly("A2"));
		assertThat(statuses(event.eventId())).containsExactly("AVAILABLE", "BOOKED", "AVAILABLE", "AVAILABLE");
		assertThat(this.reservations.bookingsOf(second)).isEmpty();
	}

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
	void cancellingReturnsTheSeatsAndAnotherBuyerCanTakeThem() {
		var event = this.fixtures.newEvent(1, 3);
		var first = this.fixtures.newUser();
		var bookingId = this.fixtures.book(first, event, "A1", "A2");
		var cancelled = this.reservations.cancel(first, bookingId);
		assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(statuses(event.eventId())).containsOnly("AVAILABLE");
		var second = this.fixtures.newUser();
		assertThat(this.fixtures.book(second, event, "A2", "A3")).isNotBlank();
		assertThat(this.reservations.bookingsOf(first)).singleElement()
			.satisfies((booking) -> assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED));
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

	private List<String> statuses(String eventId) {
		SeatMap map = this.catalog.seatMap(eventId);
		return map.seats().stream().map(SeatMap.Seat::status).map(SeatStatus::name).toList();
	}
}
