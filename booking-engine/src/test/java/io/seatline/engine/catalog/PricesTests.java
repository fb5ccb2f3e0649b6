package io.seatline.engine.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.account.User;
import io.seatline.engine.audit.AuditQuery;
import io.seatline.engine.audit.AuditTrail;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.HoldSeats;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.dashboard.SalesDashboard;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.export.BookingExport;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Price categories of venues, prices of events and what bookings cost, on a real database (each subclass names one). */
abstract class PricesTests {

	@Autowired
	EventCatalog catalog;

	@Autowired
	SeatReservations reservations;

	@Autowired
	SeatHolds holds;

	@Autowired
	BookingExport export;

	@Autowired
	SalesDashboard dashboard;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	@Test
	void seatsTakeTheirCategoryByRowsOrBySeatListAndTheRestFallIntoTheDefault() {
		var event = pricedEvent();
		var map = this.catalog.seatMap(event.eventId());
		assertThat(map.currency()).isEqualTo("EUR");
		assertThat(map.categories()).containsExactly(new SeatMap.Category("Premium", "#d4af37", 4500),
				new SeatMap.Category("Box", "#3366cc", 6000), new SeatMap.Category("Standard", "#2e8b57", 2000));
		assertThat(map.seats()).extracting(SeatMap.Seat::label, (seat) -> map.categories().get(seat.category()).name())
			.containsExactly(tuple("A1", "Premium"), tuple("A2", "Premium"), tuple("A3", "Premium"),
					tuple("B1", "Premium"), tuple("B2", "Premium"), tuple("B3", "Premium"), tuple("C1", "Box"),
					tuple("C2", "Box"), tuple("C3", "Standard"), tuple("D1", "Standard"), tuple("D2", "Standard"),
					tuple("D3", "Standard"));
	}

	@Test
	void rowRangesAreApartByCommasOrSpaces() {
		assertThat(PriceCategory.ofRows("Front", "#000000", " a - c,  f g ").rows()).isEqualTo("A-C, F, G");
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Spaced " + System.nanoTime(), 4, 1)
			.withCategories(List.of(PriceCategory.ofRows("Ends", "#000000", "A D"))));
		var event = this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Ends",
				this.clock.instant().plus(Duration.ofDays(2)), null));
		var map = this.catalog.seatMap(event.eventId());
		assertThat(map.seats()).extracting((seat) -> map.categories().get(seat.category()).name())
			.containsExactly("Ends", "Standard", "Standard", "Ends");
	}

	@Test
	void aBookingCostsTheSumOfItsSeatsAndKeepsItWhenPricesChange() {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var booking = paidFor(buyer, event, "c1", "A1", "D3");
		assertThat(booking.amount()).isEqualTo(4500 + 6000 + 2000);
		assertThat(booking.currency()).isEqualTo("EUR");
		assertThat(booking.pricePerSeat()).containsExactly(Map.entry("A1", 4500L), Map.entry("C1", 6000L),
				Map.entry("D3", 2000L));
		var admin = this.fixtures.admin();
		this.catalog.updateEvent(admin, new UpdateEvent(event.eventId(), null, null, null,
				new Prices(null, Map.of("premium", 5000L))));
		assertThat(this.catalog.seatMap(event.eventId()).categories()).extracting(SeatMap.Category::price)
			.containsExactly(5000L, 6000L, 2000L);
		// the audit log keeps the prices before and after
		assertThat(this.trail.entries(admin, AuditQuery.ofEvent(event.eventId())))
			.filteredOn((entry) -> entry.action().equals("updateEvent"))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.before()).isEqualTo("{\"prices\":{\"Premium\":4500,\"Box\":6000,\"Standard\":2000}}");
				assertThat(entry.after()).isEqualTo("{\"prices\":{\"Premium\":5000,\"Box\":6000,\"Standard\":2000}}");
			});
		// what was paid stays paid; the next booking pays the new price
		assertThat(this.reservations.bookingsOf(buyer)).singleElement().satisfies((mine) -> {
			assertThat(mine.amount()).isEqualTo(12500);
			assertThat(mine.pricePerSeat()).containsEntry("A1", 4500L);
		});
		assertThat(this.reservations.details(booking.bookingId()).amount()).isEqualTo(12500);
		var second = paidFor(this.fixtures.newUser(), event, "A2");
		assertThat(second.amount()).isEqualTo(5000);
		// a cancelled booking keeps what it cost in its ledger
		this.reservations.cancel(buyer, booking.bookingId());
		assertThat(this.reservations.bookingsOf(buyer)).singleElement()
			.satisfies((mine) -> assertThat(mine.pricePerSeat().values()).containsExactly(4500L, 6000L, 2000L));
		// the dashboard counts what confirmed bookings took
		assertThat(this.dashboard.figures(admin, event.eventId()).events()).singleElement().satisfies((line) -> {
			assertThat(line.revenue()).isEqualTo(5000);
			assertThat(line.currency()).isEqualTo("EUR");
		});
		// a new currency once there are bookings would mix currencies
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.catalog.updateEvent(admin,
				new UpdateEvent(event.eventId(), null, null, null, new Prices("USD", Map.of()))));
		assertThat(this.catalog.seatMap(event.eventId()).currency()).isEqualTo("EUR");
	}

	@Test
	void buyersRacingForAPricedSeatPayOnceAndTheRevenueCountsOneSale() throws Exception {
		var event = pricedEvent();
		var buyers = new ArrayList<User>();
		for (int i = 0; i < 8; i++) {
			buyers.add(this.fixtures.newUser());
		}
		var start = new CountDownLatch(1);
		var threads = Executors.newFixedThreadPool(buyers.size());
		try {
			var attempts = new ArrayList<Future<Long>>();
			for (var buyer : buyers) {
				attempts.add(threads.submit(() -> {
					start.await();
					try {
						return paidFor(buyer, event, "C1", "D1").amount();
					}
					catch (SeatsUnavailable ex) {
						return -1L;
					}
				}));
			}
			start.countDown();
			var amounts = new ArrayList<Long>();
			for (var attempt : attempts) {
				amounts.add(attempt.get(60, TimeUnit.SECONDS));
			}
			assertThat(amounts).filteredOn((amount) -> amount >= 0).containsExactly(6000L + 2000L);
			assertThat(amounts).filteredOn((amount) -> amount < 0).hasSize(buyers.size() - 1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.dashboard.figures(this.fixtures.admin(), event.eventId()).events()).singleElement()
			.satisfies((line) -> assertThat(line.revenue()).isEqualTo(8000));
		assertThat(this.jdbc.queryForObject("select count(*) from booking_seats where event_id = ? and price > 0",
				Long.class, event.eventId())).isEqualTo(2);
	}

	@Test
	void anEventWithoutPricesIsFreeInTheConfiguredCurrency() {
		var event = this.fixtures.newEvent(1, 3);
		var map = this.catalog.seatMap(event.eventId());
		assertThat(map.currency()).isEqualTo("EUR");
		assertThat(map.categories()).containsExactly(new SeatMap.Category("Standard", "#2e8b57", 0));
		assertThat(map.seats()).extracting(SeatMap.Seat::category).containsOnly(0);
		var booking = this.reservations.reserve(this.fixtures.newUser(),
				new ReserveSeats(event.eventId(), List.of("A1", "A2")));
		assertThat(booking.amount()).isZero();
		assertThat(booking.pricePerSeat()).containsExactly(Map.entry("A1", 0L), Map.entry("A2", 0L));
	}

	@Test
	void aCategoryNamingNoSeatsIsTheDefaultAndAnEventMayNameItsCurrency() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withCapacity("Club " + System.nanoTime(), 4)
			.withCategories(List.of(new PriceCategory("General", "#00AA00", null, null),
					PriceCategory.ofSeats("VIP", "#aa0000", List.of("1")))));
		var event = this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Gig",
				this.clock.instant().plus(Duration.ofDays(2)), null, null,
				new Prices("chf", Map.of("General", 1500L, "VIP", 9900L))));
		var map = this.catalog.seatMap(event.eventId());
		assertThat(map.currency()).isEqualTo("CHF");
		assertThat(map.categories()).containsExactly(new SeatMap.Category("General", "#00aa00", 1500),
				new SeatMap.Category("VIP", "#aa0000", 9900));
		assertThat(map.seats()).extracting(SeatMap.Seat::category).containsExactly(1, 0, 0, 0);
	}

	@Test
	void categoriesSetLaterApplyToTheVenuesNextEvents() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Later " + System.nanoTime(), 2, 2));
		var before = this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Before",
				this.clock.instant().plus(Duration.ofDays(2)), null));
		this.catalog.setVenueCategories(admin, venue.venueId(),
				List.of(PriceCategory.ofRows("Front", "#123456", "A")));
		assertThat(this.trail.entries(admin, new AuditQuery(null, null, null, "admin", 5)))
			.filteredOn((entry) -> entry.action().equals("setVenueCategories"))
			.first()
			.satisfies((entry) -> assertThat(entry.after()).isEqualTo("{\"venueId\":\"" + venue.venueId()
					+ "\",\"name\":\"" + venue.name() + "\",\"categories\":[{\"name\":\"Front\",\"colour\":\"#123456\","
					+ "\"rows\":\"A\"}]}"));
		assertThat(this.catalog.venueCategories(venue.venueId())).extracting(PriceCategory::name)
			.containsExactly("Front");
		var after = this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "After",
				this.clock.instant().plus(Duration.ofDays(2)), null));
		assertThat(this.catalog.seatMap(before.eventId()).categories()).extracting(SeatMap.Category::name)
			.containsExactly("Standard");
		assertThat(this.catalog.seatMap(after.eventId()).categories()).extracting(SeatMap.Category::name)
			.containsExactly("Front", "Standard");
	}

	@Test
	void badCategoriesAreRefusedAndNoVenueIsCreated() {
		var admin = this.fixtures.admin();
		var venues = count("venues");
		var categories = count("venue_categories");
		var name = "Bad " + System.nanoTime();
		assertRefused("colour", () -> CreateVenue.withRows(name, 3, 3)
			.withCategories(List.of(PriceCategory.ofRows("Front", "red", "A"))), "must be #rrggbb");
		assertRefused("categories", () -> this.catalog.createVenue(admin, CreateVenue.withRows(name, 3, 3)
			.withCategories(List.of(PriceCategory.ofRows("Front", "#ff0000", "A-B"),
					PriceCategory.ofSeats("Box", "#00ff00", List.of("B2"))))),
				"The seat B2 is in two categories: 'Front' and 'Box'");
		assertRefused("rows", () -> this.catalog.createVenue(admin, CreateVenue.withRows(name, 3, 3)
			.withCategories(List.of(PriceCategory.ofRows("Front", "#ff0000", "A-D")))), "The venue has no row D");
		assertRefused("rows", () -> this.catalog.createVenue(admin, CreateVenue.withRows(name, 3, 3)
			.withCategories(List.of(PriceCategory.ofRows("Front", "#ff0000", "C-A")))), "runs backwards");
		assertRefused("seats", () -> this.catalog.createVenue(admin, CreateVenue.withRows(name, 3, 3)
			.withCategories(List.of(PriceCategory.ofSeats("Box", "#ff0000", List.of("A9"))))), "no seat 'A9'");
		assertRefused("rows", () -> this.catalog.createVenue(admin, CreateVenue.withCapacity(name, 9)
			.withCategories(List.of(PriceCategory.ofRows("Front", "#ff0000", "A")))), "no rows");
		assertRefused("categories", () -> this.catalog.createVenue(admin, CreateVenue.withRows(name, 3, 3)
			.withCategories(List.of(PriceCategory.ofRows("Front", "#ff0000", "A"),
					PriceCategory.ofRows("front", "#00ff00", "B")))), "Two categories are named");
		assertThat(count("venues")).isEqualTo(venues);
		assertThat(count("venue_categories")).isEqualTo(categories);
		assertThat(this.catalog.venues()).extracting(VenueSummary::name).doesNotContain(name);
	}

	@Test
	void badPricesAreRefusedAndChangeNothing() {
		var admin = this.fixtures.admin();
		var priced = pricedEvent();
		var events = count("events");
		var seats = count("event_seats");
		var startsAt = this.clock.instant().plus(Duration.ofDays(2));
		assertRefused("prices", () -> new Prices("EUR", Map.of("Premium", -1L)), "must be from 0");
		assertRefused("currency", () -> new Prices("EURO", Map.of()), "ISO 4217");
		assertRefused("currency", () -> new Prices("XYZ", Map.of()), "ISO 4217");
		assertRefused("prices", () -> this.catalog.createEvent(admin, new CreateEvent(priced.venueId(), "Unknown",
				startsAt, null, null, new Prices(null, Map.of("Premium", 1L, "Box", 1L, "Standard", 1L, "Balcony", 1L)))),
				"The event has no category 'Balcony'");
		assertRefused("prices", () -> this.catalog.createEvent(admin, new CreateEvent(priced.venueId(), "Missing",
				startsAt, null, null, new Prices(null, Map.of("Premium", 1L)))), "Give a price for category 'Box'");
		assertThat(count("events")).isEqualTo(events);
		assertThat(count("event_seats")).isEqualTo(seats);
		// an edit naming an unknown category changes neither the prices nor the name given with it
		assertRefused("prices", () -> this.catalog.updateEvent(admin, new UpdateEvent(priced.eventId(), "Renamed",
				null, null, new Prices("USD", Map.of("Premium", 1L, "Balcony", 1L)))), "no category 'Balcony'");
		var map = this.catalog.seatMap(priced.eventId());
		assertThat(map.event().name()).isEqualTo(priced.name());
		assertThat(map.currency()).isEqualTo("EUR");
		assertThat(map.categories()).extracting(SeatMap.Category::price).containsExactly(4500L, 6000L, 2000L);
	}

	@Test
	void theExportAddsCurrencyAndAmountOnlyWhenAskedFor() {
		var event = pricedEvent();
		var booking = paidFor(this.fixtures.newUser(), event, "A1", "C1");
		var admin = this.fixtures.admin();
		var plain = this.export.export(admin, event.eventId()).lines().toList();
		assertThat(plain.get(0)).isEqualTo("booking_id,username,event,event_date,seats,booked_at,status");
		assertThat(plain.get(1)).startsWith(booking.bookingId() + ",").endsWith(",CONFIRMED");
		var priced = this.export.export(admin, event.eventId(), true).lines().toList();
		assertThat(priced.get(0))
			.isEqualTo("booking_id,username,event,event_date,seats,booked_at,status,currency,amount");
		assertThat(priced.get(1)).startsWith(booking.bookingId() + ",").endsWith(",CONFIRMED,EUR,10500");
	}

	/** Rows A-B Premium, seats C1 C2 Box, the rest Standard; EUR 45.00, 60.00 and 20.00. */
	/**
	 * The seats sold to the buyer as a paid checkout sells them: held, then confirmed by the payment step (a buyer's
	 * reserveSeats is refused for seats that cost money). {@code SEATS_UNAVAILABLE} when a seat is taken.
	 */
	private BookingDetails paidFor(User buyer, EventDetails event, String... seats) {
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of(seats)));
		return this.holds.confirm(hold.holdId());
	}

	@Test
	void aBuyerCannotBookSeatsThatCostMoneyInOneStepButTheBoxOfficeCan() {
		var event = pricedEvent();
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.reservations.reserve(this.fixtures.newUser(),
					new ReserveSeats(event.eventId(), List.of("A1", "D1"))))
			.withMessageContaining("EUR 65.00")
			.withMessageContaining("holdSeats");
		assertThat(this.jdbc.queryForObject("select booked_seats from events where id = ?", Long.class,
				event.eventId())).isZero();
		// the box office sells priced seats at the desk in one step
		assertThat(this.reservations.reserve(this.fixtures.admin(), new ReserveSeats(event.eventId(), List.of("A1")))
			.amount()).isEqualTo(4500);
	}

	private EventDetails pricedEvent() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Priced " + System.nanoTime(), 4, 3)
			.withCategories(List.of(PriceCategory.ofRows("Premium", "#D4AF37", "a-b"),
					PriceCategory.ofSeats("Box", "#3366cc", List.of("C1", "c2")))));
		return this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Priced night",
				this.clock.instant().plus(Duration.ofDays(2)), null, null,
				new Prices("EUR", Map.of("Premium", 4500L, "Box", 6000L, "Standard", 2000L))));
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static void assertRefused(String field, ThrowingCallable call,
			String... messageParts) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).contains(messageParts);
		});
	}
}
