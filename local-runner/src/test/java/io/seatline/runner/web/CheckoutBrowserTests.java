package io.seatline.runner.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seatline.runner.Api;
import io.seatline.runner.RunnerTestSupport;

import static io.seatline.runner.web.PricesBrowserTests.pricedEvent;
import static io.seatline.runner.web.PricesBrowserTests.spaced;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout in real headless Chromium: a buyer holds priced seats (another buyer's open page shows them held at
 * once), watches the hold count down, chooses to pay at the box office, the admin marks the hold paid on the box
 * office page, and the buyer's page shows the booking reference; the return page of a payment; free seats still book
 * in one step.
 */
class CheckoutBrowserTests extends RunnerTestSupport {

	private static final Duration A_SECOND = Duration.ofSeconds(1);

	@Test
	void aBuyerHoldsPricedSeatsPaysAtTheBoxOfficeAndSeesTheBookingReference() {
		var api = api();
		var eventId = pricedEvent(api);
		try (var b = Browser.open(api.base(), 1280, 1000); var a = buyerOn(api, eventId, "holder");
				var admin = Browser.open(api.base(), 1280, 1200)) {
			b.go("/event.html?id=" + eventId);
			b.waitUntilLive();
			b.script("window.notReloaded = true");
			assertThat(spaced(a.waitFor("#price-legend").getText()))
				.isEqualTo("Premium EUR 45.00 Box EUR 99.99 Standard EUR 20.00");
			a.seat("A1").click();
			a.seat("A2").click();
			assertThat(spaced(a.find("#selection").getText())).isEqualTo("Selected: A1, A2 — EUR 90.00");
			assertThat(a.find("#book").getText()).isEqualTo("Hold and pay");
			a.find("#book").click();

			// the checkout panel: the seats, their total, and a countdown that ticks
			var panel = a.waitFor("#checkout");
			assertThat(spaced(a.find("#checkout-seats").getText())).isEqualTo("Seats A1 and A2 · total EUR 90.00");
			var first = a.find("#countdown").getText();
			assertThat(first).matches("(09|10):[0-5][0-9]");
			a.waitUntil(Duration.ofSeconds(3), (driver) -> !first.equals(a.find("#countdown").getText()));
			assertThat(a.find("#countdown").getText()).matches("09:[0-5][0-9]");
			// Stripe is not configured here: the card is not offered
			assertThat(a.find("#pay-card").isDisplayed()).isFalse();
			assertThat(a.find("#countdown-announce").getDomAttribute("aria-live")).isEqualTo("polite");
			assertThat(a.find("#countdown-announce").getText()).isNotEmpty();
			assertThat(panel.isDisplayed()).isTrue();

			// the other buyer's page shows the seats held, without a reload
			b.waitUntil(A_SECOND, (driver) -> "HELD".equals(b.seatStatus("A1")) && "HELD".equals(b.seatStatus("A2")));
			assertThat(b.seat("A1").getDomAttribute("aria-label")).isEqualTo("Seat A1, held");
			assertThat(b.script("return window.notReloaded")).isEqualTo(true);

			a.find("#pay-box-office").click();
			var waiting = a.waitFor("#checkout-message.info #hold-id");
			var holdId = waiting.getText();
			assertThat(spaced(a.find("#checkout-message").getText()))
				.matches("Your seats are held until \\d\\d:\\d\\d\\. Pay at the box office, quoting hold "
						+ holdId + "\\.");
			assertThat(a.find("#pay-box-office").isDisplayed()).isFalse();
			var later = a.find("#countdown").getText();
			a.waitUntil(Duration.ofSeconds(3), (driver) -> !later.equals(a.find("#countdown").getText()));
			a.screenshot("checkout-pay-at-the-box-office");

			// the desk finds the hold by its id and marks it paid
			admin.signIn("admin", ADMIN_PASSWORD);
			admin.go("/boxoffice.html");
			admin.waitFor("#desk-hold").sendKeys(holdId);
			admin.find("#desk-find").click();
			assertThat(spaced(admin.waitFor("#desk-hold-seats").getText()))
				.isEqualTo("Seats A1 and A2 · total EUR 90.00");
			assertThat(admin.find("#desk-countdown").getText()).matches("(09|10):[0-5][0-9]");
			admin.find("#desk-mark-paid").click();
			var reference = admin.waitFor("#desk-reference").getText();
			assertThat(reference).matches("[0-9A-Z]{4}-?[0-9A-Z]{4}");
			assertThat(admin.find("#desk-mark-paid").isDisplayed()).isFalse();
			admin.screenshot("boxoffice-hold-paid-at-the-desk");

			// the buyer's page sees the booking within its next look
			var booked = a.waitFor("#checkout-message.ok #booking-reference");
			assertThat(booked.getText()).isEqualTo(reference);
			assertThat(spaced(a.find("#checkout-message").getText()))
				.startsWith("Booked: A1 and A2, EUR 90.00. Booking reference " + reference);
			assertThat(a.find("#checkout-heading").getText()).isEqualTo("Booked");
			assertThat(a.find("#countdown").isDisplayed()).isFalse();
			assertThat(a.seatStatus("A1")).isEqualTo("BOOKED");
			b.waitUntil(A_SECOND, (driver) -> "BOOKED".equals(b.seatStatus("A1")) && "BOOKED".equals(b.seatStatus("A2")));
			a.screenshot("checkout-booked");

			assertThat(a.consoleProblems()).isEmpty();
			assertThat(b.consoleProblems()).isEmpty();
			assertThat(admin.consoleProblems()).isEmpty();
		}
	}

	@Test
	void aBuyerWhoReleasesTheHoldGivesTheSeatsBack() {
		var api = api();
		var eventId = pricedEvent(api);
		try (var a = buyerOn(api, eventId, "releaser")) {
			a.seat("C4").click();
			a.find("#book").click();
			a.waitFor("#checkout");
			a.waitUntil(A_SECOND, (driver) -> "HELD".equals(a.seatStatus("C4")));
			a.find("#release").click();
			assertThat(a.waitFor("#booking-message.ok").getText()).isEqualTo("Released: C4 is back on sale.");
			assertThat(a.find("#checkout").isDisplayed()).isFalse();
			a.waitUntil(A_SECOND, (driver) -> "AVAILABLE".equals(a.seatStatus("C4")));
			assertThat(a.consoleProblems()).isEmpty();
		}
	}

	@Test
	void theReturnPageShowsTheBookingOfAPaidHoldAndSaysWhenAHoldEndedUnpaid() {
		var api = api();
		var eventId = pricedEvent(api);
		var buyer = Api.uniqueName("returner");
		var token = api.newUser(buyer);
		var paid = api.ok("holdSeats", Map.of("eventId", eventId, "seats", List.of("B1")), token)
			.get("holdId").asString();
		var released = api.ok("holdSeats", Map.of("eventId", eventId, "seats", List.of("B2")), token)
			.get("holdId").asString();
		api.ok("releaseHold", Map.of("holdId", released), token);
		try (var a = Browser.open(api.base(), 1280, 1000)) {
			a.signIn(buyer, "password-1");
			a.go("/checkout.html?hold=" + paid);
			// still waiting: the countdown runs
			a.waitUntil(Duration.ofSeconds(3), (driver) -> a.find("#countdown").getText().matches("(09|10):[0-5][0-9]"));
			assertThat(spaced(a.find("#checkout-seats").getText())).isEqualTo("Seats B1 · total EUR 20.00");
			var booking = api.ok("confirmHold", Map.of("holdId", paid, "paidAtBoxOffice", true), api.adminToken());
			var reference = a.waitFor("#checkout-message.ok #booking-reference");
			assertThat(reference.getText()).isEqualTo(booking.get("reference").asString());
			assertThat(a.find("#checkout-heading").getText()).isEqualTo("Booked");

			a.go("/checkout.html?hold=" + released);
			assertThat(a.waitFor("#checkout-message.error").getText())
				.isEqualTo("This hold was released, so its seats are back on sale.");
			assertThat(a.find("#checkout-heading").getText()).isEqualTo("Hold ended");
			assertThat(a.consoleProblems()).isEmpty();
		}
	}

	@Test
	void aFreeEventStillBooksInOneStep() {
		var api = api();
		var eventId = api.newEvent("Free night", 2, 3);
		try (var a = buyerOn(api, eventId, "free")) {
			a.seat("A1").click();
			a.seat("A2").click();
			assertThat(a.find("#book").getText()).isEqualTo("Book 2 seats");
			a.find("#book").click();
			assertThat(a.waitFor("#booking-message.ok").getText()).startsWith("Booked! Seats A1 and A2.");
			assertThat(a.find("#checkout").isDisplayed()).isFalse();
			assertThat(a.seatStatus("A1")).isEqualTo("BOOKED");
			assertThat(a.consoleProblems()).isEmpty();
		}
	}

	/** A new buyer's browser, signed in, on the event's page with its live seat map. */
	private static Browser buyerOn(Api api, String eventId, String prefix) {
		var buyer = Api.uniqueName(prefix);
		api.newUser(buyer);
		var browser = Browser.open(api.base(), 1280, 1200);
		try {
			browser.signIn(buyer, "password-1");
			browser.go("/event.html?id=" + eventId);
			browser.waitUntilLive();
			return browser;
		}
		catch (RuntimeException ex) {
			browser.close();
			throw ex;
		}
	}
}
