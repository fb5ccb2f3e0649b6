package io.seatline.engine.postgres;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.account.RegisterAccount;
import io.seatline.engine.account.Registered;
import io.seatline.engine.account.Registrations;
import io.seatline.engine.account.Role;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.BrowseEvents;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventSummary;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.dashboard.SalesDashboard;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidCredentials;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.export.BookingExport;
import io.seatline.engine.review.ReviewBoard;
import io.seatline.engine.review.SubmitReview;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;
import io.seatline.testapp.PostgresEngineTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The engine's commands, one after another, on a real PostgreSQL server. */
@PostgresEngineTest
class PostgresEngineTests {

	@Autowired
	Registrations registrations;

	@Autowired
	Sessions sessions;

	@Autowired
	EventCatalog catalog;

	@Autowired
	SeatReservations reservations;

	@Autowired
	ReviewBoard reviews;

	@Autowired
	SalesDashboard dashboard;

	@Autowired
	BookingExport export;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theEngineRunsOnPostgres() {
		assertThat(this.jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
	}

	@Test
	void aRegisteredUserLogsInAndAWrongPasswordIsRefused() {
		var registered = this.registrations.register(new RegisterAccount("Ann.pg", "ann@example.org", "correct horse"));
		var signedIn = this.sessions.login("ann.PG", "correct horse");
		assertThat(signedIn.username()).isEqualTo("Ann.pg");
		assertThat(signedIn.role()).isEqualTo(Role.USER);
		assertThat(this.sessions.authenticate(signedIn.token()).id()).isEqualTo(registered.userId());
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login("Ann.pg", "wrong horse"));
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.registrations
			.register(new RegisterAccount("ANN.PG", "other@example.org", "correct horse")));
		assertThat(this.sessions.login("admin", "admin-password-1").role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void ofEightRegistrationsOfOneNameAtOnceOneWinsAndTheOthersAreToldItIsTaken() throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(8);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < 8; i++) {
			var email = "twin" + i + "@example.org";
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return this.registrations.register(new RegisterAccount("Twin", email, "password-twin"));
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		var results = new ArrayList<Object>();
		for (var outcome : outcomes) {
			results.add(outcome.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		// the losers of the unique index on PostgreSQL hear CONFLICT, as the losers of the check before it do
		assertThat(results).filteredOn(Registered.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(Conflict.class::isInstance).hasSize(7);
	}

	@Test
	void anAdminCreatesAVenueAndAnEventWithItsSeatsAndAnyoneBrowsesIt() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin,
				CreateVenue.withRows("100% Hall_of \\Fame " + System.nanoTime(), 2, 3));
		assertThat(venue.capacity()).isEqualTo(6);
		var startsAt = this.clock.instant().plus(Duration.ofDays(3));
		var event = this.catalog.createEvent(admin,
				new CreateEvent(venue.venueId(), "Opening night", startsAt, "First"));
		assertThat(event.totalSeats()).isEqualTo(6);
		assertThat(event.startsAt()).isEqualTo(startsAt);
		assertThat(this.catalog.seatMap(event.eventId()).seats()).extracting(SeatMap.Seat::label)
			.containsExactly("A1", "A2", "A3", "B1", "B2", "B3");
		// the venue filter is a LIKE with an escape character: %, _ and \ in it match only themselves
		assertThat(browse("100% hall_of \\fame")).extracting((summary) -> summary.event().eventId())
			.containsExactly(event.eventId());
		assertThat(browse("100% hall_of")).hasSize(1).first().satisfies((summary) -> {
			assertThat(summary.availableSeats()).isEqualTo(6);
			assertThat(summary.event().venueName()).isEqualTo(venue.name());
		});
		assertThat(browse("100_ hall")).isEmpty();
		assertThat(browse("%hall%of")).isEmpty();
		var day = startsAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
		assertThat(this.catalog.browse(BrowseEvents.of(null, day, day))).extracting((s) -> s.event().eventId())
			.contains(event.eventId());
		assertThat(this.catalog.venues()).extracting((v) -> v.venueId()).contains(venue.venueId());
	}

	@Test
	void aBookingTakesAllItsSeats() {
		var event = this.fixtures.newEvent(2, 4);
		var user = this.fixtures.newUser();
		var booking = this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of("B2", "A1", "A4")));
		assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(booking.seats()).containsExactly("A1", "A4", "B2");
		assertThat(booking.createdAt()).isEqualTo(this.clock.instant());
		assertThat(booked(event.eventId())).containsExactly("A1", "A4", "B2");
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
	void seatsTheEventDoesNotHaveAreRefused() {
		var event = this.fixtures.newEvent(1, 2);
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> this.fixtures.book(this.fixtures.newUser(),
				event, "A1", "Z9"));
		assertThat(booked(event.eventId())).isEmpty();
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

	@Test
	void aBuyerReviewsTheEventAndASecondReviewReplacesTheFirst() {
		var event = this.fixtures.newEvent(1, 2);
		var buyer = this.fixtures.newUser();
		this.fixtures.book(buyer, event, "A1");
		this.reviews.submit(buyer, new SubmitReview(event.eventId(), 2, "Too loud"));
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.reviews.submit(buyer, new SubmitReview(event.eventId(), 5, "  Grew on me ✓ "));
		assertThat(second.text()).isEqualTo("  Grew on me ✓ ");
		var another = this.fixtures.newUser();
		this.fixtures.book(another, event, "A2");
		this.reviews.submit(another, new SubmitReview(event.eventId(), 4, null));

		var all = this.reviews.reviewsOf(event.eventId());
		assertThat(all.count()).isEqualTo(2);
		assertThat(all.averageRating()).isEqualTo(4.5);
		assertThat(all.reviews()).extracting((review) -> review.rating()).containsExactlyInAnyOrder(5, 4);
		assertThatExceptionOfType(io.seatline.engine.error.Forbidden.class).isThrownBy(() -> this.reviews
			.submit(this.fixtures.newUser(), new SubmitReview(event.eventId(), 3, "never went")));
	}

	@Test
	void theDashboardAndTheExportAgreeWithTheBookings() throws Exception {
		var event = this.fixtures.newEvent(2, 5);
		var user = this.fixtures.newUser();
		var first = this.fixtures.book(user, event, "B5", "A1", "A2");
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.fixtures.book(user, event, "B1");
		this.reservations.cancel(user, second);

		var figures = this.dashboard.figures(this.fixtures.admin(), event.eventId());
		assertThat(figures.totalSeats()).isEqualTo(10);
		assertThat(figures.bookedSeats()).isEqualTo(3);
		assertThat(figures.availableSeats()).isEqualTo(7);
		assertThat(figures.bookings()).isEqualTo(1);
		assertThat(figures.events()).singleElement().satisfies((line) -> assertThat(line.bookedSeats()).isEqualTo(3));
		assertThat(figures.recentBookings()).extracting((booking) -> booking.bookingId())
			.containsExactly(second, first);
		var overall = this.dashboard.figures(this.fixtures.admin(), null);
		assertThat(overall.bookedSeats() + overall.availableSeats()).isEqualTo(overall.totalSeats());

		var csv = this.export.export(this.fixtures.admin(), event.eventId());
		assertThat(csv).startsWith("booking_id,username,event,event_date,seats,booked_at,status\r\n");
		var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv)).getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("booking_id")).isEqualTo(first);
		assertThat(records.get(0).get("seats")).isEqualTo("A1 A2 B5");
		assertThat(records.get(0).get("event_date")).isEqualTo(event.startsAt().toString());
		assertThat(records.get(0).get("status")).isEqualTo("CONFIRMED");
		assertThat(records.get(1).get("booking_id")).isEqualTo(second);
		assertThat(records.get(1).get("status")).isEqualTo("CANCELLED");
	}

	@Test
	void anEventThatHasStartedCanNoLongerBeBooked() {
		var event = this.fixtures.newEvent(1, 1);
		this.clock.set(event.startsAt());
		try {
			assertThatExceptionOfType(Conflict.class)
				.isThrownBy(() -> this.fixtures.book(this.fixtures.newUser(), event, "A1"));
		}
		finally {
			this.clock.set(event.startsAt().minus(Duration.ofDays(1)));
		}
	}

	private List<EventSummary> browse(String venue) {
		return this.catalog.browse(new BrowseEvents(venue, null, null));
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
