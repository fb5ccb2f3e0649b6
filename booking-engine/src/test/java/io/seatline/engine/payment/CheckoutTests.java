package io.seatline.engine.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seatline.engine.booking.EventCancellations;
import io.seatline.engine.booking.HoldDetails;
import io.seatline.engine.booking.HoldSeats;
import io.seatline.engine.booking.HoldStatus;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.PriceCategory;
import io.seatline.engine.catalog.Prices;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.testapp.Awaits;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paying for holds on a real database (each subclass names one), with Stripe's API played by a local stand-in and its
 * webhooks signed with a test secret: a payment confirms its hold once whatever the repeats, a decline leaves the hold,
 * a bad signature changes nothing, and money that arrives for a hold that ended, or for a booking cancelled since, is
 * refunded by the durable refund job, never sold twice.
 */
abstract class CheckoutTests {

	static final Duration HOLD = Duration.ofMinutes(1);

	static final StripeStandIn stripe = new StripeStandIn();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("seatline.booking.hold-duration", HOLD::toString);
		registry.add("seatline.jobs.polling-interval", () -> "200ms");
		registry.add("STRIPE_API_KEY", () -> StripeStandIn.API_KEY);
		registry.add("STRIPE_WEBHOOK_SECRET", () -> StripeStandIn.WEBHOOK_SECRET);
		registry.add("STRIPE_API_BASE", stripe.server::baseUrl);
		registry.add("seatline.payment.stripe-timeout", () -> "2s");
	}

	@AfterAll
	static void stopTheStandIn() {
		stripe.server.resetAll();
	}

	@Autowired
	Checkout checkout;

	@Autowired
	SeatHolds holds;

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCancellations cancellations;

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

	@BeforeEach
	void stripeOpensCheckoutSessions() {
		stripe.server.resetAll();
		stripe.server.stubFor(post("/v1/checkout/sessions").willReturn(okJson("""
				{"id": "cs_test_1", "object": "checkout.session", "url": "https://checkout.stripe.com/c/pay/cs_test_1"}""")));
		stripe.server.stubFor(post("/v1/refunds")
			.willReturn(okJson("{\"id\": \"re_1\", \"object\": \"refund\", \"status\": \"succeeded\"}")));
	}

	@Test
	void aPaidCheckoutConfirmsItsHoldIntoOneBookingWhateverTheRepeats() {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("A1", "C1")));
		assertThat(hold.amount()).isEqualTo(4500 + 2000);

		var payment = this.checkout.pay(buyer, hold.holdId(), "stripe", "https://shop.example/checkout");
		assertThat(payment.status()).isEqualTo(PaymentStatus.STARTED);
		assertThat(payment.payUrl()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_1");
		assertThat(payment.amount()).isEqualTo(6500);
		// asked again (a second click): the same payment, nothing more asked of Stripe
		assertThat(this.checkout.pay(buyer, hold.holdId(), "stripe", null)).isEqualTo(payment);
		stripe.server.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
			.withRequestBody(containing("unit_amount%5D=6500").or(containing("unit_amount]=6500")))
			.withRequestBody(containing("shop.example")));

		var payload = paid(hold, 6500, "eur");
		var first = webhook(payload);
		assertThat(first.outcome()).isEqualTo("CONFIRMED");
		assertThat(first.payment().status()).isEqualTo(PaymentStatus.PAID);
		// Stripe delivers again (it did not hear the answer): nothing more is sold
		assertThat(webhook(payload).outcome()).isEqualTo("REPEATED");
		assertThat(this.holds.details(hold.holdId()).status()).isEqualTo(HoldStatus.CONFIRMED);
		assertThat(bookingsOf(event)).isEqualTo(1);
		assertThat(statusOf(event, "A1")).isEqualTo(SeatStatus.BOOKED);
		assertThat(this.reservations.details(first.payment().bookingId()).amount()).isEqualTo(6500);
	}

	@Test
	void aBuyerBackFromStripeIsBookedOnceStripeSaysPaidWithoutWaitingForTheWebhook() {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("B3")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		// not paid yet: the hold waits
		stripe.server.stubFor(get("/v1/checkout/sessions/cs_test_1").willReturn(okJson(StripeStandIn
			.paidSession("cs_test_1", hold.holdId(), "pi_" + hold.holdId(), 4500, "eur")
			.replace("\"paid\"", "\"unpaid\""))));
		assertThat(this.checkout.status(buyer, hold.holdId()).hold().status()).isEqualTo(HoldStatus.ACTIVE);
		// paid on Stripe's page; the webhook has not arrived (a runner on localhost never gets one)
		stripe.server.stubFor(get("/v1/checkout/sessions/cs_test_1")
			.willReturn(okJson(StripeStandIn.paidSession("cs_test_1", hold.holdId(), "pi_" + hold.holdId(), 4500,
					"eur"))));
		// asked again within a few seconds: Stripe is not asked again
		assertThat(this.checkout.status(buyer, hold.holdId()).hold().status()).isEqualTo(HoldStatus.ACTIVE);
		this.clock.advance(Duration.ofSeconds(6));
		var status = this.checkout.status(buyer, hold.holdId());
		assertThat(status.hold().status()).isEqualTo(HoldStatus.CONFIRMED);
		assertThat(status.bookingReference()).isNotBlank();
		assertThat(status.payments()).singleElement()
			.extracting(PaymentDetails::status)
			.isEqualTo(PaymentStatus.PAID);
		stripe.server.verify(2, getRequestedFor(urlEqualTo("/v1/checkout/sessions/cs_test_1")));
		// the webhook, late: nothing more is sold
		assertThat(webhook(paid(hold, 4500, "eur")).outcome()).isEqualTo("REPEATED");
		assertThat(bookingsOf(event)).isEqualTo(1);
	}

	@Test
	void twentyDeliveriesOfOnePaymentAtOnceMakeOneBooking() throws Exception {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("B1", "B2")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		var payload = paid(hold, 9000, "eur");
		var outcomes = race(20, () -> webhook(payload).outcome());
		assertThat(outcomes).filteredOn("CONFIRMED"::equals).hasSize(1);
		assertThat(outcomes).filteredOn("REPEATED"::equals).hasSize(19);
		assertThat(bookingsOf(event)).isEqualTo(1);
	}

	@Test
	void aDeclinedCardLeavesTheHoldForAnotherTry() {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("A2")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		var declined = StripeStandIn.event(newEventId(), "payment_intent.payment_failed", """
				{"id": "pi_d", "object": "payment_intent", "metadata": {"holdId": "%s"}, "last_payment_error":
				 {"type": "card_error", "code": "card_declined", "message": "Your card was declined."}}"""
			.formatted(hold.holdId()));
		var outcome = webhook(declined);
		assertThat(outcome.outcome()).isEqualTo("DECLINED");
		assertThat(outcome.payment().reason()).isEqualTo("Your card was declined.");
		assertThat(this.holds.details(hold.holdId()).status()).isEqualTo(HoldStatus.ACTIVE);
		assertThat(statusOf(event, "A2")).isEqualTo(SeatStatus.HELD);
		// another card, while the hold lasts
		assertThat(webhook(paid(hold, 4500, "eur")).outcome()).isEqualTo("CONFIRMED");
		assertThat(statusOf(event, "A2")).isEqualTo(SeatStatus.BOOKED);
	}

	@Test
	void aWebhookWithABadSignatureChangesNothing() {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("A3")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		var payload = paid(hold, 4500, "eur");
		var notices = count("payment_notices");
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> this.checkout.stripeWebhook(payload,
				StripeStandIn.signature(payload, "whsec_not_ours", this.clock.instant())));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.checkout.stripeWebhook(payload.replace("4500", "1"), StripeStandIn.signature(payload)));
		assertThat(count("payment_notices")).isEqualTo(notices);
		assertThat(this.holds.details(hold.holdId()).status()).isEqualTo(HoldStatus.ACTIVE);
		assertThat(this.checkout.payment(buyer, hold.holdId(), "stripe")).get()
			.extracting(PaymentDetails::status)
			.isEqualTo(PaymentStatus.STARTED);
		assertThat(bookingsOf(event)).isZero();
	}

	@Test
	void aPaymentAfterItsHoldExpiredIsRefundedAndNothingIsSold() throws Exception {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("C2", "C3")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		this.clock.advance(HOLD.plusSeconds(1));
		await(() -> this.holds.details(hold.holdId()).status() == HoldStatus.EXPIRED);
		// the box office sells one of the seats meanwhile
		this.reservations.reserve(this.fixtures.admin(),
				new io.seatline.engine.booking.ReserveSeats(event.eventId(), List.of("C2")));

		var late = webhook(paid(hold, 4000, "eur"));
		assertThat(late.outcome()).isEqualTo("REFUND_DUE");
		assertThat(late.payment().reason()).contains("expired");
		await(() -> this.checkout.payment(buyer, hold.holdId(), "stripe").get().status() == PaymentStatus.REFUNDED);
		stripe.server.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
			.withRequestBody(containing("payment_intent=pi_" + hold.holdId())));
		assertThat(statusOf(event, "C3")).isEqualTo(SeatStatus.AVAILABLE);
		assertThat(bookingsOf(event)).isEqualTo(1);
	}

	@Test
	void aPaymentOfAnotherAmountIsRefunded() throws Exception {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("B3")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		assertThat(webhook(paid(hold, 100, "eur")).outcome()).isEqualTo("REFUND_DUE");
		await(() -> this.checkout.payment(buyer, hold.holdId(), "stripe").get().status() == PaymentStatus.REFUNDED);
		assertThat(this.holds.details(hold.holdId()).status()).isEqualTo(HoldStatus.ACTIVE);
	}

	@Test
	void aPaidBookingCancelledLaterIsRefunded() throws Exception {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("D1")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		var booking = webhook(paid(hold, 2000, "eur")).payment().bookingId();
		this.reservations.cancel(buyer, booking);
		await(() -> this.checkout.payment(buyer, hold.holdId(), "stripe").get().status() == PaymentStatus.REFUNDED);
		stripe.server.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
			.withRequestBody(containing("payment_intent=pi_" + hold.holdId())));
	}

	@Test
	void cancellingAnEventReleasesItsHoldsAndRefundsWhatWasPaid() throws Exception {
		var event = pricedEvent();
		var paying = this.fixtures.newUser();
		var paid = this.holds.hold(paying, new HoldSeats(event.eventId(), List.of("A1")));
		this.checkout.pay(paying, paid.holdId(), "stripe", null);
		assertThat(webhook(paid(paid, 4500, "eur")).outcome()).isEqualTo("CONFIRMED");
		var late = this.fixtures.newUser();
		var held = this.holds.hold(late, new HoldSeats(event.eventId(), List.of("B1", "B2")));
		this.checkout.pay(late, held.holdId(), "stripe", null);

		this.cancellations.cancel(this.fixtures.admin(), event.eventId(), "The orchestra is ill");

		// the live hold ended with its event, its seats free; the paid booking is refunded
		assertThat(this.holds.details(held.holdId()).status()).isEqualTo(HoldStatus.RELEASED);
		assertThat(statusOf(event, "B1")).isEqualTo(SeatStatus.AVAILABLE);
		assertThat(this.jdbc.queryForObject("select held_seats from events where id = ?", Long.class,
				event.eventId())).isZero();
		await(() -> this.checkout.payment(paying, paid.holdId(), "stripe").get().status() == PaymentStatus.REFUNDED);
		// a payment that still arrives for the released hold is refunded, nothing sold
		assertThat(webhook(paid(held, 9000, "eur")).outcome()).isEqualTo("REFUND_DUE");
		await(() -> this.checkout.payment(late, held.holdId(), "stripe").get().status() == PaymentStatus.REFUNDED);
		assertThat(bookingsOf(event)).isZero();
	}

	@Test
	void theBoxOfficeConfirmsAHoldItWasPaidForAndABuyerCannotConfirmAPricedHold() {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("A1")));
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.holds.confirm(buyer, hold.holdId()))
			.withMessageContaining("EUR 45.00");
		var atTheDesk = this.checkout.pay(buyer, hold.holdId(), "box-office", null);
		assertThat(atTheDesk.payUrl()).isNull();
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.checkout.paidAtBoxOffice(buyer, hold.holdId()));
		var admin = this.fixtures.admin();
		var booking = this.checkout.paidAtBoxOffice(admin, hold.holdId());
		assertThat(booking.amount()).isEqualTo(4500);
		// the clerk clicks twice: the same booking
		assertThat(this.checkout.paidAtBoxOffice(admin, hold.holdId()).bookingId()).isEqualTo(booking.bookingId());
		assertThat(this.checkout.payment(admin, hold.holdId(), "box-office")).get()
			.extracting(PaymentDetails::status)
			.isEqualTo(PaymentStatus.PAID);
		assertThat(bookingsOf(event)).isEqualTo(1);
	}

	@Test
	void whatCannotBePaidIsRefusedAndChangesNothing() {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("A1")));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.checkout.pay(buyer, hold.holdId(), "paypal", null))
			.withMessageContaining("stripe, box-office");
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.checkout.pay(buyer, hold.holdId(), "stripe", "javascript:alert(1)"));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.checkout.pay(this.fixtures.newUser(), hold.holdId(), "stripe", null));
		var free = this.fixtures.newEvent(1, 2);
		var freeHold = this.holds.hold(buyer, new HoldSeats(free.eventId(), List.of("A1")));
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.checkout.pay(buyer, freeHold.holdId(), "stripe", null))
			.withMessageContaining("confirmHold");
		this.holds.release(buyer, hold.holdId());
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.checkout.pay(buyer, hold.holdId(), "stripe", null));
		assertThat(count("payments where hold_id in ('" + hold.holdId() + "', '" + freeHold.holdId() + "')"))
			.isZero();
		stripe.server.verify(0, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
	}

	@RepeatedTest(3)
	void aPaymentRacingTheExpiryEndsSoldOrRefundedNeverBoth() throws Exception {
		var event = pricedEvent();
		var buyer = this.fixtures.newUser();
		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("D2", "D3")));
		this.checkout.pay(buyer, hold.holdId(), "stripe", null);
		var payload = paid(hold, 4000, "eur");
		var start = new CountDownLatch(1);
		var threads = Executors.newFixedThreadPool(2);
		try {
			var paying = threads.submit(() -> {
				start.await();
				return webhook(payload).outcome();
			});
			var expiring = threads.submit(() -> {
				start.await();
				return this.holds.expire(hold.holdId());
			});
			start.countDown();
			var outcome = paying.get();
			var expired = expiring.get();
			System.out.printf("%s payment/expiry race: payment %s, expiry %s%n", this.database.vendor(), outcome,
					expired ? "won" : "lost");
			if (expired) {
				assertThat(outcome).isEqualTo("REFUND_DUE");
				assertThat(statusOf(event, "D2")).isEqualTo(SeatStatus.AVAILABLE);
				assertThat(bookingsOf(event)).isZero();
			}
			else {
				assertThat(outcome).isEqualTo("CONFIRMED");
				assertThat(statusOf(event, "D2")).isEqualTo(SeatStatus.BOOKED);
				assertThat(bookingsOf(event)).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Checkout.PaymentOutcome webhook(String payload) {
		return this.checkout.stripeWebhook(payload, StripeStandIn.signature(payload));
	}

	/** checkout.session.completed for the hold, paid by the payment intent pi_HOLD. */
	private static String paid(HoldDetails hold, long amount, String currency) {
		return StripeStandIn.event(newEventId(), "checkout.session.completed",
				StripeStandIn.paidSession("cs_test_1", hold.holdId(), "pi_" + hold.holdId(), amount, currency));
	}

	private static String newEventId() {
		return "evt_" + UUID.randomUUID();
	}

	private EventDetails pricedEvent() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Paid " + System.nanoTime(), 4, 3)
			.withCategories(List.of(PriceCategory.ofRows("Premium", "#D4AF37", "A-B"))));
		return this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Paid night",
				this.clock.instant().plus(Duration.ofDays(2)), null, null,
				new Prices("EUR", Map.of("Premium", 4500L, "Standard", 2000L))));
	}

	private SeatStatus statusOf(EventDetails event, String label) {
		return this.catalog.seatMap(event.eventId()).seats().stream()
			.filter((seat) -> seat.label().equals(label))
			.findFirst()
			.orElseThrow()
			.status();
	}

	private long bookingsOf(EventDetails event) {
		return this.jdbc.queryForObject("select count(*) from bookings where event_id = ? and status = 'CONFIRMED'",
				Long.class, event.eventId());
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static <T> List<T> race(int threads, Callable<T> call) throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(threads);
		try {
			var futures = new ArrayList<Future<T>>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			var results = new ArrayList<T>();
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Awaits.until(condition, Duration.ofSeconds(60));
	}
}
