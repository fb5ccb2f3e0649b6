package io.seatline.runner.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seatline.runner.Api;
import io.seatline.runner.RunnerTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prices on the event page in real headless Chromium: the price legend with each category's colour, seats tinted by
 * their category, and the running total of the selection, written from minor units by the browser's Intl.
 */
class PricesBrowserTests extends RunnerTestSupport {

	@Test
	void theSeatMapShowsAPriceLegendTintsSeatsByCategoryAndTotalsTheSelection() {
		var api = api();
		var eventId = pricedEvent(api);
		try (var browser = Browser.open(api.base(), 1280, 1000)) {
			browser.go("/event.html?id=" + eventId);
			browser.waitUntilLive();
			var legend = browser.waitFor("#price-legend");
			assertThat(legend.isDisplayed()).isTrue();
			assertThat(spaced(legend.getText()))
				.isEqualTo("Premium EUR 45.00 Box EUR 99.99 Standard EUR 20.00");
			assertThat(browser.script("return [...document.querySelectorAll('#price-legend .swatch')]"
					+ ".map((swatch) => getComputedStyle(swatch).backgroundColor)"))
				.isEqualTo(List.of("rgb(212, 175, 55)", "rgb(51, 102, 204)", "rgb(46, 139, 87)"));
			// seats on sale wear their category's colour; a selected seat the selection's
			assertThat(borderColour(browser, "A1")).isEqualTo("rgb(212, 175, 55)");
			assertThat(borderColour(browser, "C4")).isEqualTo("rgb(51, 102, 204)");
			assertThat(borderColour(browser, "B1")).isEqualTo("rgb(46, 139, 87)");

			browser.seat("A1").click();
			browser.seat("A2").click();
			assertThat(spaced(browser.find("#selection").getText())).isEqualTo("Selected: A1, A2 — EUR 90.00");
			browser.seat("C4").click();
			assertThat(spaced(browser.find("#selection").getText())).isEqualTo("Selected: A1, A2, C4 — EUR 189.99");
			assertThat(borderColour(browser, "A1")).isNotEqualTo("rgb(212, 175, 55)");
			browser.seat("A2").click();
			assertThat(spaced(browser.find("#selection").getText())).isEqualTo("Selected: A1, C4 — EUR 144.99");
			browser.screenshot("event-page-prices");
			assertThat(browser.consoleProblems()).isEmpty();
		}
	}

	@Test
	void theDashboardShowsWhatEachEventTook() {
		var api = api();
		var eventId = pricedEvent(api);
		// a buyer holds priced seats and pays at the box office: a buyer cannot book them in one step
		var hold = api.ok("holdSeats", Map.of("eventId", eventId, "seats", List.of("A1", "C4")),
				api.newUser(Api.uniqueName("payer")));
		api.ok("confirmHold", Map.of("holdId", hold.get("holdId").asString(), "paidAtBoxOffice", true),
				api.adminToken());
		try (var admin = Browser.open(api.base(), 1280, 1000)) {
			admin.signIn("admin", ADMIN_PASSWORD);
			admin.go("/admin.html");
			var revenue = admin.waitFor("#event-table tr[data-event-id='" + eventId + "'] td.revenue");
			assertThat(spaced(revenue.getText())).isEqualTo("EUR 144.99");
			assertThat(admin.consoleProblems()).isEmpty();
		}
	}

	@Test
	void aFreeEventShowsNoPriceLegendAndNoTotal() {
		var api = api();
		var eventId = api.newEvent("Free night", 2, 3);
		try (var browser = Browser.open(api.base(), 1280, 1000)) {
			browser.go("/event.html?id=" + eventId);
			browser.waitUntilLive();
			browser.seat("A1").click();
			browser.seat("A2").click();
			assertThat(browser.find("#selection").getText()).isEqualTo("Selected: A1 and A2");
			assertThat(browser.find("#price-legend").isDisplayed()).isFalse();
			assertThat(browser.consoleProblems()).isEmpty();
		}
	}

	/** Row A Premium (EUR 45.00), seat C4 Box (EUR 99.99), the rest Standard (EUR 20.00). */
	static String pricedEvent(Api api) {
		var admin = api.adminToken();
		var venue = new LinkedHashMap<String, Object>();
		venue.put("name", Api.uniqueName("Priced hall"));
		venue.put("rows", 3);
		venue.put("seatsPerRow", 4);
		venue.put("categories", List.of(Map.of("name", "Premium", "colour", "#d4af37", "rows", "A"),
				Map.of("name", "Box", "colour", "#3366cc", "seats", List.of("C4"))));
		var venueId = api.ok("createVenue", venue, admin).get("venueId").asString();
		var event = new LinkedHashMap<String, Object>();
		event.put("venueId", venueId);
		event.put("name", "Priced night");
		event.put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(30).withNano(0).toString());
		event.put("currency", "EUR");
		event.put("prices", Map.of("Premium", 4500, "Box", 9999, "Standard", 2000));
		return api.ok("createEvent", event, admin).get("eventId").asString();
	}

	private static Object borderColour(Browser browser, String seat) {
		return browser.script("return getComputedStyle(arguments[0]).borderTopColor", browser.seat(seat));
	}

	// Intl separates the code from the amount with a no-break space
	static String spaced(String text) {
		return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}
}
