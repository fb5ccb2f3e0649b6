package io.seatline.functions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import io.seatline.engine.account.PasswordChanged;
import io.seatline.engine.account.RegisterAccount;
import io.seatline.engine.account.Registered;
import io.seatline.engine.account.Registrations;
import io.seatline.engine.account.Role;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.account.SignedIn;
import io.seatline.engine.account.User;
import io.seatline.engine.audit.AuditEntry;
import io.seatline.engine.audit.AuditQuery;
import io.seatline.engine.audit.AuditTrail;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.booking.HoldDetails;
import io.seatline.engine.booking.HoldSeats;
import io.seatline.engine.booking.HoldStatus;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.BrowseEvents;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventListings;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.EventSummary;
import io.seatline.engine.catalog.SeatList;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.catalog.VenueSummary;
import io.seatline.engine.dashboard.DashboardFigures;
import io.seatline.engine.dashboard.SalesDashboard;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.Unauthenticated;
import io.seatline.engine.export.BookingExport;
import io.seatline.engine.idempotency.IdempotencyKey;
import io.seatline.engine.idempotency.IdempotentRequests;
import io.seatline.engine.payment.Checkout;
import io.seatline.engine.notification.EmailJobView;
import io.seatline.engine.notification.EmailKind;
import io.seatline.engine.notification.EmailOutbox;
import io.seatline.engine.notification.EmailQueue;
import io.seatline.engine.notification.EmailStatus;
import io.seatline.engine.review.EventReviews;
import io.seatline.engine.review.ReviewBoard;
import io.seatline.engine.review.ReviewDetails;
import io.seatline.engine.review.SubmitReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Each function without Spring: it reads the caller from the header, hands the engine the right command and shapes
 * the engine's answer as the contract says. The engine's services are stand-ins here; their behaviour is tested
 * against real databases in the engine and the hosts.
 */
class FunctionsTests {

	private static final Instant STARTS = Instant.parse("2026-12-24T18:30:00Z");

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	// a venue an hour ahead of UTC in December
	private static final EventDetails EVENT = new EventDetails("e1", "Show", "A show", "v1", "Hall", STARTS, 12, null,
			null, ZoneId.of("Europe/Berlin"));

	private static final User ANN = new User("u1", "ann", Role.USER);

	private static final User ADMIN = new User("u0", "admin", Role.ADMIN);

	private final Sessions sessions = mock(Sessions.class);

	private final SeatReservations reservations = mock(SeatReservations.class);

	private final EventCatalog catalog = mock(EventCatalog.class);

	private final EventListings listings = mock(EventListings.class);

	private final ReviewBoard reviews = mock(ReviewBoard.class);

	// keyed writes are tested on real databases (IdempotentRequestsTests, the hosts): here the write simply runs
	private final IdempotentRequests requests = mock(IdempotentRequests.class);

	@BeforeEach
	void tokens() {
		given(this.sessions.authenticate("ann-token")).willReturn(ANN);
		given(this.sessions.authenticate("admin-token")).willReturn(ADMIN);
		given(this.sessions.authenticate(null)).willThrow(new Unauthenticated("sign in"));
		given(this.requests.once(any(), any(), any(), any(), any(), any()))
			.willAnswer((call) -> call.<Supplier<?>>getArgument(5).get());
	}

	@Test
	void registerOpensAnAccount() {
		var registrations = mock(Registrations.class);
		given(registrations.register(any())).willReturn(new Registered("u9", "zoe"));
		var result = new RegisterFunction(registrations)
			.apply(message(new Requests.Register("zoe", "zoe@example.org", "password-1"), null));
		assertThat(result).isEqualTo(new Registered("u9", "zoe"));
		verify(registrations).register(new RegisterAccount("zoe", "zoe@example.org", "password-1"));
	}

	@Test
	void registerRefusesAShortPasswordBeforeTheEngineIsCalled() {
		var registrations = mock(Registrations.class);
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new RegisterFunction(registrations)
			.apply(message(new Requests.Register("zoe", "zoe@example.org", "short"), null)));
		verifyNoInteractions(registrations);
	}

	@Test
	void loginReturnsTheSession() {
		var signedIn = new SignedIn("t", NOW, "ann", Role.USER);
		given(this.sessions.login("ann", "pw", null)).willReturn(signedIn);
		assertThat(new LoginFunction(this.sessions).apply(message(new Requests.Login("ann", "pw"), null)))
			.isSameAs(signedIn);
	}

	@Test
	void loginHandsTheEngineTheClientAddressTheHostGave() {
		var signedIn = new SignedIn("t", NOW, "ann", Role.USER);
		given(this.sessions.login("ann", "pw", "192.0.2.7")).willReturn(signedIn);
		var message = MessageBuilder.withPayload(new Requests.Login("ann", "pw"))
			.setHeader(FunctionInvoker.CLIENT_ADDRESS, "192.0.2.7")
			.build();
		assertThat(new LoginFunction(this.sessions).apply(message)).isSameAs(signedIn);
	}

	@Test
	void changeAndResetPasswordHandTheEngineTheCallersToken() {
		var changed = new PasswordChanged("ann", 2);
		given(this.sessions.changePassword("ann-token", "old-pass-1", "new-pass-1", null)).willReturn(changed);
		assertThat(new ChangePasswordFunction(this.sessions)
			.apply(message(new Requests.ChangePassword("old-pass-1", "new-pass-1"), "ann-token"))).isSameAs(changed);
		given(this.sessions.resetPassword("admin-token", "ann", "new-pass-2")).willReturn(changed);
		assertThat(new ResetPasswordFunction(this.sessions)
			.apply(message(new Requests.ResetPassword("ann", "new-pass-2"), "admin-token"))).isSameAs(changed);
	}

	@Test
	void logoutEndsTheCallersSession() {
		var result = new LogoutFunction(this.sessions).apply(message(new Requests.Empty(), "ann-token"));
		assertThat(result.loggedOut()).isTrue();
		verify(this.sessions).logout("ann-token");
	}

	@Test
	void currentUserNamesTheCaller() {
		assertThat(new CurrentUserFunction(this.sessions).apply(message(new Requests.Empty(), "ann-token")))
			.isEqualTo(new Views.CurrentUser("u1", "ann", "USER"));
	}

	@Test
	void browseEventsListsEventsWithTheirVenueAndSeatsLeft() {
		given(this.listings.browse(new BrowseEvents("hall", null, null)))
			.willReturn(List.of(new EventSummary(EVENT, 7)));
		var listed = new BrowseEventsFunction(this.listings)
			.apply(message(new Requests.BrowseEvents("hall", null, null), null));
		assertThat(listed).containsExactly(new Views.EventListing("e1", "Show", new Views.VenueRef("v1", "Hall"),
				STARTS, 12, 7, "A show", "SCHEDULED", "Europe/Berlin", "2026-12-24T19:30:00+01:00"));
	}

	@Test
	void browseEventsRefusesABadDate() {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new BrowseEventsFunction(this.listings)
			.apply(message(new Requests.BrowseEvents(null, "tomorrow", null), null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("from"));
	}

	@Test
	void eventSeatsListsEverySeatItsStatusAndPriceAndTheLegend() {
		given(this.catalog.seatMap("e1")).willReturn(new SeatMap(EVENT,
				List.of(new SeatMap.Seat("A1", SeatStatus.BOOKED, 1), new SeatMap.Seat("A2", SeatStatus.AVAILABLE, 0)),
				"EUR", List.of(new SeatMap.Category("Stalls", "#112233", 2500),
						new SeatMap.Category("Box \"A\"", "#445566", 9000))));
		var seats = new EventSeatsFunction(this.catalog).apply(message(new Requests.OfEvent("e1"), null));
		assertThat(seats.eventId()).isEqualTo("e1");
		assertThat(seats.currency()).isEqualTo("EUR");
		assertThat(seats.categories()).containsExactly(new Views.PriceCategory("Stalls", "#112233", 2500),
				new Views.PriceCategory("Box \"A\"", "#445566", 9000));
		assertThat(seats.seats()).containsExactly(new Views.Seat("A1", "BOOKED", "Box \"A\"", 9000),
				new Views.Seat("A2", "AVAILABLE", "Stalls", 2500));
		// the seat list is written as raw JSON: a category's name is escaped in it
		assertThat(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(seats))
			.contains("{\"seat\":\"A1\",\"status\":\"BOOKED\",\"category\":\"Box \\\"A\\\"\",\"price\":9000}");
	}

	@Test
	void eventSeatsOfAMapChangedInTwoBlocksWritesTheChangesAndEverySeatElseAsBefore() {
		var stalls = List.of(new SeatMap.Category("Stalls", "#112233", 2500));
		var seats = new ArrayList<SeatMap.Seat>();
		for (int seat = 1; seat <= 200; seat++) {
			seats.add(new SeatMap.Seat("S" + seat, SeatStatus.AVAILABLE, 0));
		}
		var before = SeatList.of(seats);
		// the engine's next snapshot shares the blocks of 64 no change touched
		var after = before.with(Map.of(70, SeatStatus.BOOKED, 199, SeatStatus.BLOCKED));
		var dearer = List.of(new SeatMap.Category("Stalls", "#112233", 3000));
		given(this.catalog.seatMap("e1")).willReturn(new SeatMap(EVENT, before, "EUR", stalls),
				new SeatMap(EVENT, after, "EUR", stalls), new SeatMap(EVENT, List.copyOf(after), "EUR", stalls),
				new SeatMap(EVENT, after, "EUR", dearer));
		var function = new EventSeatsFunction(this.catalog);
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		var first = json.writeValueAsString(function.apply(message(new Requests.OfEvent("e1"), null)));
		// as bytes, as a response is written: the blocks' bytes copied as they are
		var changed = new String(json.writeValueAsBytes(function.apply(message(new Requests.OfEvent("e1"), null))),
				java.nio.charset.StandardCharsets.UTF_8);
		// the same seats in a plain list, written seat by seat
		var plain = json.writeValueAsString(function.apply(message(new Requests.OfEvent("e1"), null)));
		assertThat(changed).isEqualTo(plain).isNotEqualTo(first)
			.contains("{\"seat\":\"S71\",\"status\":\"BOOKED\",\"category\":\"Stalls\",\"price\":2500}",
					"{\"seat\":\"S200\",\"status\":\"BLOCKED\",\"category\":\"Stalls\",\"price\":2500}");
		assertThat(json.readTree(changed).get("seats")).hasSize(200);
		assertThat(first.replace("S71\",\"status\":\"AVAILABLE", "S71\",\"status\":\"BOOKED")
			.replace("S200\",\"status\":\"AVAILABLE", "S200\",\"status\":\"BLOCKED")).isEqualTo(changed);
		// a new price changes every seat of the category, whichever block it is in
		var repriced = json.writeValueAsString(function.apply(message(new Requests.OfEvent("e1"), null)));
		assertThat(repriced).doesNotContain("\"price\":2500}").isEqualTo(changed.replace("\"price\":2500", "\"price\":3000"));
	}

	@Test
	void eventSeatsNeedsAnEvent() {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(
				() -> new EventSeatsFunction(this.catalog).apply(message(new Requests.OfEvent(null), null)));
	}

	@Test
	void eventReviewsShowsTheAverageAndTheReviews() {
		given(this.reviews.reviewsOf("e1")).willReturn(new EventReviews("e1", 4.5, 2,
				List.of(new ReviewDetails("r1", "e1", "ann", 5, "<b>great</b>", NOW))));
		var result = new EventReviewsFunction(this.reviews).apply(message(new Requests.OfEvent("e1"), null));
		assertThat(result.averageRating()).isEqualTo(4.5);
		assertThat(result.reviews()).containsExactly(new Views.ReviewEntry("ann", 5, "<b>great</b>", NOW));
	}

	@Test
	void reserveSeatsBooksForTheCaller() {
		given(this.reservations.reserve(eq(ANN), any())).willReturn(booking(BookingStatus.CONFIRMED));
		var booking = new ReserveSeatsFunction(this.reservations, this.sessions, this.requests)
			.apply(message(new Requests.ReserveSeats("e1", List.of("a1", "A2")), "ann-token"));
		assertThat(booking).isEqualTo(new Views.Booking("b1", "K7M2QX9P", "e1", List.of("A1", "A2"), "CONFIRMED", NOW, null,
				0, null, Map.of()));
		verify(this.reservations).reserve(ANN, new ReserveSeats("e1", List.of("A1", "A2")));
	}

	@Test
	void aWriteHandsTheEngineTheIdempotencyKeyOfItsMessageHeaderWithTheCallerAndTheRequest() {
		given(this.reservations.reserve(eq(ANN), any())).willReturn(booking(BookingStatus.CONFIRMED));
		var request = new Requests.ReserveSeats("e1", List.of("A1", "A2"));
		var function = new ReserveSeatsFunction(this.reservations, this.sessions, this.requests);
		function.apply(MessageBuilder.fromMessage(message(request, "ann-token"))
			.setHeader(FunctionInvoker.IDEMPOTENCY_KEY, "click-1")
			.build());
		verify(this.requests).once(eq(ANN), eq("reserveSeats"), eq(new IdempotencyKey("click-1")), eq(request),
				eq(Views.Booking.class), any());
		// as an HTTP header copied into the message, in any case
		function.apply(MessageBuilder.fromMessage(message(request, "ann-token"))
			.setHeader("idempotency-key", "click-2")
			.build());
		verify(this.requests).once(eq(ANN), eq("reserveSeats"), eq(new IdempotencyKey("click-2")), eq(request),
				eq(Views.Booking.class), any());
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> function.apply(MessageBuilder
			.fromMessage(message(request, "ann-token"))
			.setHeader(FunctionInvoker.IDEMPOTENCY_KEY, "caf\u00e9")
			.build())).satisfies((ex) -> assertThat(ex.field()).isEqualTo("idempotencyKey"));
	}

	@Test
	void reserveSeatsNeedsASession() {
		assertThatExceptionOfType(Unauthenticated.class)
			.isThrownBy(() -> new ReserveSeatsFunction(this.reservations, this.sessions, this.requests)
				.apply(message(new Requests.ReserveSeats("e1", List.of("A1")), null)));
		verifyNoInteractions(this.reservations);
	}

	@Test
	void holdConfirmAndReleaseActForTheCallerOnTheHoldNamed() {
		var holds = mock(SeatHolds.class);
		var checkout = mock(Checkout.class);
		var held = new HoldDetails("h1", "e1", "u1", List.of("A1", "A2"), HoldStatus.ACTIVE, NOW, null, 9000, "EUR");
		given(holds.hold(ANN, new HoldSeats("e1", List.of("A1", "A2")))).willReturn(held);
		given(holds.confirm(ANN, "h1")).willReturn(booking(BookingStatus.CONFIRMED));
		given(holds.release(ANN, "h1")).willReturn(
				new HoldDetails("h1", "e1", "u1", List.of("A1", "A2"), HoldStatus.RELEASED, NOW, null, 9000, "EUR"));
		assertThat(new HoldSeatsFunction(holds, this.sessions, this.requests)
			.apply(message(new Requests.SeatsOfEvent("e1", List.of("a1", "A2")), "ann-token")))
			.isEqualTo(new Views.Hold("h1", "e1", List.of("A1", "A2"), NOW, "ACTIVE", 9000, "EUR"));
		assertThat(new ConfirmHoldFunction(holds, checkout, this.sessions, this.requests)
			.apply(message(new Requests.ConfirmHold("h1", null), "ann-token"))
			.status()).isEqualTo("CONFIRMED");
		assertThat(new ReleaseHoldFunction(holds, this.sessions, this.requests)
			.apply(message(new Requests.OfHold("h1"), "ann-token"))
			.status()).isEqualTo("RELEASED");
		given(holds.holdsOf(ANN)).willReturn(List.of(held));
		assertThat(new MyHoldsFunction(holds, this.sessions).apply(message(new Requests.Empty(), "ann-token")))
			.containsExactly(new Views.Hold("h1", "e1", List.of("A1", "A2"), NOW, "ACTIVE", 9000, "EUR"));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(
				() -> new ConfirmHoldFunction(holds, checkout, this.sessions, this.requests)
					.apply(message(new Requests.ConfirmHold(null, null), "ann-token")));
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(
				() -> new ReleaseHoldFunction(holds, this.sessions, this.requests)
					.apply(message(new Requests.OfHold("h1"), null)));
		// at the box office: the admin's word that the buyer paid confirms the hold, through the checkout
		given(checkout.paidAtBoxOffice(ANN, "h1")).willReturn(booking(BookingStatus.CONFIRMED));
		assertThat(new ConfirmHoldFunction(holds, checkout, this.sessions, this.requests)
			.apply(message(new Requests.ConfirmHold("h1", true), "ann-token"))
			.status()).isEqualTo("CONFIRMED");
		verify(checkout).paidAtBoxOffice(ANN, "h1");
	}

	@Test
	void myBookingsListsTheCallersBookings() {
		given(this.reservations.bookingsOf(ANN)).willReturn(List.of(booking(BookingStatus.CONFIRMED)));
		var bookings = new MyBookingsFunction(this.reservations, this.sessions)
			.apply(message(new Requests.Empty(), "ann-token"));
		assertThat(bookings).singleElement().satisfies((booking) -> {
			assertThat(booking.eventName()).isEqualTo("Show");
			assertThat(booking.startsAt()).isEqualTo(STARTS);
			assertThat(booking.seats()).containsExactly("A1", "A2");
		});
	}

	@Test
	void cancelBookingCancelsTheCallersBooking() {
		given(this.reservations.cancel(ANN, "b1")).willReturn(booking(BookingStatus.CANCELLED));
		var result = new CancelBookingFunction(this.reservations, this.sessions, this.requests)
			.apply(message(new Requests.OfBooking("b1"), "ann-token"));
		assertThat(result.status()).isEqualTo("CANCELLED");
		assertThat(result.bookingId()).isEqualTo("b1");
	}

	@Test
	void submitReviewRatesForTheCaller() {
		given(this.reviews.submit(ANN, new SubmitReview("e1", 4, "fine")))
			.willReturn(new ReviewDetails("r1", "e1", "ann", 4, "fine", NOW));
		var review = new SubmitReviewFunction(this.reviews, this.sessions)
			.apply(message(new Requests.SubmitReview("e1", 4, "fine"), "ann-token"));
		assertThat(review).isEqualTo(new Views.Review("r1", "e1", 4, "fine", NOW));
	}

	@Test
	void createVenueIsForAdminsOnly() {
		var function = new CreateVenueFunction(this.catalog, this.sessions, this.requests);
		assertThatExceptionOfType(Forbidden.class).isThrownBy(
				() -> function.apply(message(new Requests.CreateVenue("Hall", 2, 3, null, null, null), "ann-token")));
		given(this.catalog.createVenue(ADMIN, CreateVenue.withRows("Hall", 2, 3)))
			.willReturn(new VenueSummary("v1", "Hall", 6, "UTC"));
		assertThat(function.apply(message(new Requests.CreateVenue("Hall", 2, 3, null, null, null), "admin-token")))
			.isEqualTo(new VenueSummary("v1", "Hall", 6, "UTC"));
	}

	@Test
	void createVenuePassesItsTimeZoneAndRefusesAnUnknownOne() {
		var function = new CreateVenueFunction(this.catalog, this.sessions, this.requests);
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> function
			.apply(message(new Requests.CreateVenue("Hall", 2, 3, null, "Asia/Atlantis", null), "admin-token")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("timeZone"));
		verifyNoInteractions(this.catalog);
		given(this.catalog.createVenue(ADMIN, CreateVenue.withRows("Hall", 2, 3).inTimeZone("Asia/Tokyo")))
			.willReturn(new VenueSummary("v1", "Hall", 6, "Asia/Tokyo"));
		assertThat(function.apply(message(new Requests.CreateVenue("Hall", 2, 3, null, "Asia/Tokyo", null), "admin-token")))
			.isEqualTo(new VenueSummary("v1", "Hall", 6, "Asia/Tokyo"));
	}

	@Test
	void listVenuesListsThem() {
		given(this.catalog.venues()).willReturn(List.of(new VenueSummary("v1", "Hall", 6, "UTC")));
		assertThat(new ListVenuesFunction(this.catalog).apply(message(new Requests.Empty(), null))).hasSize(1);
	}

	@Test
	void createEventReadsTheStartWithItsOffset() {
		given(this.catalog.createEvent(ADMIN, new CreateEvent("v1", "Show", STARTS, null))).willReturn(EVENT);
		var created = new CreateEventFunction(this.catalog, this.sessions, this.requests).apply(
				message(new Requests.CreateEvent("v1", "Show", "2026-12-24T19:30:00+01:00", null, null, null, null),
						"admin-token"));
		assertThat(created).isEqualTo(new Views.CreatedEvent("e1", "Show", STARTS, 12, new Views.VenueRef("v1", "Hall"),
				"Europe/Berlin", "2026-12-24T19:30:00+01:00"));
	}

	@Test
	void dashboardIsForAdminsOnly() {
		var dashboard = mock(SalesDashboard.class);
		var function = new DashboardFunction(dashboard, this.sessions);
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> function.apply(message(new Requests.OfEvent(null), "ann-token")));
		given(dashboard.figures(ADMIN, null)).willReturn(new DashboardFigures(12, 2, 10, 1,
				List.of(new DashboardFigures.EventFigures("e1", "Show", "Hall", STARTS, 12, 2, 10, 1, 0, false, ZoneId.of("UTC"))), List.of(),
				new io.seatline.engine.notification.EmailOutbox.EmailCounts(0, 1, 0, 0), 0));
		var figures = function.apply(message(new Requests.OfEvent(""), "admin-token"));
		assertThat(figures.totalSeats()).isEqualTo(12);
		assertThat(figures.events()).singleElement().satisfies((line) -> assertThat(line.bookedSeats()).isEqualTo(2));
	}

	@Test
	void exportBookingsAnswersCsv() {
		var export = mock(BookingExport.class);
		given(export.export(ADMIN, "e1", false)).willReturn("booking_id,username\r\n");
		given(export.export(ADMIN, "e1", true)).willReturn("booking_id,username,currency,amount\r\n");
		var function = new ExportBookingsFunction(export, this.sessions);
		Message<String> csv = function.apply(message(new Requests.ExportBookings("e1", null), "admin-token"));
		assertThat(csv.getPayload()).isEqualTo("booking_id,username\r\n");
		assertThat(csv.getHeaders().get(MessageHeaders.CONTENT_TYPE).toString()).startsWith("text/csv");
		assertThat(function.apply(message(new Requests.ExportBookings("e1", true), "admin-token")).getPayload())
			.isEqualTo("booking_id,username,currency,amount\r\n");
	}

	@Test
	void auditLogHandsTheEngineTheQueryAndAnswersItsEntriesForAdminsOnly() {
		var trail = mock(AuditTrail.class);
		var query = new AuditQuery(null, null, "abcd-2345", "Ann", 5);
		given(trail.entries(ADMIN, query)).willReturn(List.of(new AuditEntry(NOW, "admin", "cancelBookingFor", "e1",
				"b1", "ABCD2345", "ann", "Cancelled A1", "{\"status\":\"CONFIRMED\"}", null)));
		given(trail.export(ADMIN, query)).willReturn("at,actor\r\n");
		var request = new Requests.AuditLog(null, null, "abcd-2345", "Ann", 5);
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> new AuditLogFunction(trail, this.sessions).apply(message(request, "ann-token")));
		var entries = new AuditLogFunction(trail, this.sessions).apply(message(request, "admin-token"));
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.reference()).isEqualTo("ABCD2345");
			assertThat(entry.before()).isEqualTo("{\"status\":\"CONFIRMED\"}");
			assertThat(entry.after()).isNull();
		});
		Message<String> csv = new ExportAuditLogFunction(trail, this.sessions).apply(message(request, "admin-token"));
		assertThat(csv.getPayload()).startsWith("at,actor");
		assertThat(csv.getHeaders().get(MessageHeaders.CONTENT_TYPE).toString()).startsWith("text/csv");
	}

	@Test
	void emailQueueAndRetryAreForAdminsOnly() {
		var outbox = mock(EmailOutbox.class);
		var job = new EmailJobView("booking-confirmed.b1", EmailKind.BOOKING_CONFIRMED, "b1", "ann@example.org",
				EmailStatus.FAILED, 6, "Connection refused", NOW, null, NOW, null);
		given(outbox.queue(ADMIN)).willReturn(new EmailQueue(List.of(), List.of(job)));
		given(outbox.retry(ADMIN, null)).willReturn(1);
		assertThatExceptionOfType(Forbidden.class).isThrownBy(
				() -> new EmailQueueFunction(outbox, this.sessions).apply(message(new Requests.Empty(), "ann-token")));
		var queue = new EmailQueueFunction(outbox, this.sessions).apply(message(new Requests.Empty(), "admin-token"));
		assertThat(queue.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo("BOOKING_CONFIRMED");
			assertThat(failed.lastError()).isEqualTo("Connection refused");
		});
		assertThat(new RetryEmailsFunction(outbox, this.sessions, this.requests)
			.apply(message(new Requests.OfEmailJob(" "), "admin-token"))).isEqualTo(new Views.Retried(1));
	}

	@Test
	void theBearerTokenIsReadFromTheHeaderInAnyCase() {
		assertThat(Callers.token(Map.of("Authorization", "Bearer abc"))).isEqualTo("abc");
		assertThat(Callers.token(Map.of("authorization", "bearer  abc "))).isEqualTo("abc");
		assertThat(Callers.token(Map.of())).isNull();
		assertThatExceptionOfType(Unauthenticated.class)
			.isThrownBy(() -> Callers.token(Map.of("Authorization", "Basic YWJj")));
	}

	private static BookingDetails booking(BookingStatus status) {
		return new BookingDetails("b1", "K7M2QX9P", EVENT, "u1", "ann", List.of("A1", "A2"), status, NOW,
				(status == BookingStatus.CANCELLED) ? NOW : null, null);
	}

	private static <T> Message<T> message(T payload, String token) {
		var builder = MessageBuilder.withPayload(payload);
		if (token != null) {
			builder.setHeader("authorization", "Bearer " + token);
		}
		return builder.build();
	}
}
