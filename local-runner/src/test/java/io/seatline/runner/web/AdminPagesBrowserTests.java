package io.seatline.runner.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.seatline.runner.Api;
import io.seatline.runner.RunnerTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages in real headless Chromium against the runner: accounts disabled, enabled and given a new password;
 * an event moved and called off while a buyer's page is open; the dashboard following sales without a reload.
 */
class AdminPagesBrowserTests extends RunnerTestSupport {

	private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

	@Test
	void anAdminDisablesAnAccountWhoseOpenPageCanNoLongerBookNorSignInThenEnablesItAndResetsItsPassword() {
		var api = api();
		var eventId = api.newEvent("Members night", 2, 5);
		var username = Api.uniqueName("member");
		api.newUser(username);

		try (var admin = Browser.open(api.base(), 1280, 1000); var member = Browser.open(api.base(), 1280, 900)) {
			member.signIn(username, "password-1");
			member.go("/event.html?id=" + eventId);
			member.waitUntilLive();
			member.seat("A1").click();

			admin.signIn("admin", ADMIN_PASSWORD);
			admin.find("a[href='/accounts.html']").click();
			admin.type("#account-query", username);
			admin.find("#account-search-submit").click();
			var row = "#account-table tr[data-username='" + username + "']";
			assertThat(admin.waitFor(row + " .account-status").getText()).isEqualTo("Active");
			assertThat(admin.find(row).getText()).contains(username + "@example.org", "Buyer");
			// the admin's own line offers no way to lock themselves out
			admin.type("#account-query", "admin");
			admin.find("#account-search-submit").click();
			admin.waitFor("#account-table tr[data-username='admin'] .reset-password");
			assertThat(admin.driver.findElements(By.cssSelector("#account-table tr[data-username='admin'] .disable-account")))
				.isEmpty();
			admin.type("#account-query", username);
			admin.find("#account-search-submit").click();

			admin.waitFor(row + " .disable-account").click();
			assertThat(admin.find(row).getText()).contains("Disable " + username + "? They are signed out everywhere");
			admin.find(row + " .confirm-toggle").click();
			assertThat(admin.waitFor("#account-result.ok").getText())
				.isEqualTo(username + " is disabled: 2 sessions ended, and signing in is refused.");
			assertThat(admin.waitFor(row + " .account-status").getText()).isEqualTo("Disabled");

			// the member's open page cannot book any more, and signing in is refused in plain words
			member.find("#book").click();
			assertThat(member.waitFor("#booking-message.error").getText())
				.isEqualTo("Please sign in first. If you were signed in, your session has ended.");
			member.go("/login.html");
			member.type("#login-username", username);
			member.type("#login-password", "password-1");
			member.find("#login-submit").click();
			assertThat(member.waitFor("#login-message.error").getText())
				.isEqualTo("That username and password do not match. Check them and try again.");

			admin.waitFor(row + " .enable-account").click();
			admin.find(row + " .confirm-toggle").click();
			admin.waitUntil(TWO_SECONDS, (driver) -> admin.find("#account-result.ok").getText()
				.equals(username + " is enabled: they can sign in again."));
			assertThat(admin.waitFor(row + " .account-status").getText()).isEqualTo("Active");
			member.signIn(username, "password-1");

			// a generated password: shown once to the admin, the member's sessions end, the new one signs in
			admin.waitFor(row + " .reset-password").click();
			assertThat(admin.waitFor("#reset-heading").getText()).isEqualTo("Reset the password of " + username);
			admin.find("#reset-generate").click();
			var password = admin.find("#reset-password").getDomProperty("value");
			assertThat(password).hasSize(16).matches("[a-km-zA-HJ-NP-Z2-9]+");
			admin.find("#reset-submit").click();
			var result = admin.waitUntil(TWO_SECONDS, (driver) -> {
				var text = admin.find("#account-result").getText();
				return text.startsWith("The password of") ? text : null;
			});
			assertThat(result).startsWith("The password of " + username + " is now " + password + ". One session ended, so "
					+ username + " is signed out everywhere.");
			assertThat(admin.find("#reset-panel").isDisplayed()).isFalse();
			admin.screenshot("accounts");
			assertThat(api.call("login", Map.of("username", username, "password", "password-1")).status())
				.isEqualTo(401);
			member.signIn(username, password);
			assertNoConsoleErrors(admin);
			// the member's refusals are the only problems their browser reports: the 401 answers themselves
			assertThat(member.consoleProblems()).allSatisfy((problem) -> assertThat(problem).contains("401"));
		}
	}

	@Test
	void anAdminMovesAnEventThenCallsItOffWhileABuyersPageIsOpenAndTheBuyersBookingShowsCancelled() {
		var api = api();
		var eventId = api.newEvent("Moving night", 3, 6);
		var username = Api.uniqueName("booker");
		var booker = api.newUser(username);
		api.reserve(booker, eventId, "B2", "B3");

		// the admin's browser is in Honolulu, the venue in UTC: the start is typed and shown as the venue's clocks read
		try (var admin = Browser.inTimeZone(api.base(), 1280, 1100, "Pacific/Honolulu");
				var buyer = Browser.open(api.base(), 1280, 1000)) {
			admin.signIn("admin", ADMIN_PASSWORD);
			admin.find("a[href='/admin.html']").click();
			admin.waitFor("#event-table tr[data-event-id='" + eventId + "'] a.manage-event").click();
			assertThat(admin.waitFor("#manage-name").getText()).isEqualTo("Moving night");
			assertThat(admin.find("#manage-figures").getText()).isEqualTo("2 of 18 seats booked, 1 booking.");
			assertThat(admin.find("#edit-name").getDomProperty("value")).isEqualTo("Moving night");

			// a new start time: the buyers are emailed, the event page shows it
			admin.script("arguments[0].value = '2031-07-14T20:15'", admin.find("#edit-starts-at"));
			admin.find("#edit-submit").click();
			assertThat(admin.waitFor("#edit-message.ok").getText()).startsWith("Saved. Moving night now starts ")
				.endsWith("; its booker is being emailed the new time.");
			assertThat(admin.find("#edit-zone").getText()).isEqualTo("in UTC, the venue's time");
			var seats = api.ok("eventSeats", Map.of("eventId", eventId), null);
			assertThat(Instant.parse(seats.get("startsAt").asString())).isEqualTo(Instant.parse("2031-07-14T20:15:00Z"));
			var shown = (String) admin.script("return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', "
					+ "timeStyle: 'short', timeZone: 'UTC' }).format(new Date('2031-07-14T20:15:00Z')) + ' (UTC)'");
			admin.script("window.scrollTo(0, 0)");
			admin.screenshot("manage-event");

			buyer.signIn(username, "password-1");
			buyer.go("/event.html?id=" + eventId);
			buyer.waitUntilLive();
			assertThat(buyer.find("#event-when").getText()).endsWith(shown);
			buyer.seat("A1").click();
			assertThat(buyer.find("#book").isEnabled()).isTrue();
			buyer.script("window.notReloaded = true");

			// called off, with a confirmation that says what it does
			admin.type("#cancel-reason", "The lead singer is ill");
			admin.find("#cancel-event").click();
			assertThat(admin.waitFor("#cancel-question").getText())
				.isEqualTo("Cancel Moving night? Its one booking will be cancelled and the booker emailed.");
			admin.find("#confirm-cancel-event").click();
			assertThat(admin.waitFor("#cancel-message.ok").getText())
				.isEqualTo("Moving night is cancelled. One booking cancelled; its buyer is being emailed.");
			assertThat(admin.find("#manage-status").isDisplayed()).isTrue();
			assertThat(admin.find("#manage-cancelled").isDisplayed()).isTrue();
			assertThat(admin.find("#edit-name").isEnabled()).isFalse();
			assertThat(admin.find("#edit-submit").isEnabled()).isFalse();
			assertThat(admin.find("#cancel-event").isEnabled()).isFalse();

			// the buyer's open page hears of it without a reload, and can no longer book
			buyer.waitUntil(TWO_SECONDS, (driver) -> buyer.find("#event-status").isDisplayed());
			assertThat(buyer.script("return window.notReloaded")).isEqualTo(true);
			assertThat(buyer.find("#book").isEnabled()).isFalse();
			assertThat(buyer.find("#book").getText()).isEqualTo("Booking closed");
			assertThat(buyer.find("#booking-message.error").getText())
				.startsWith("This event was called off, so its seats can no longer be booked.");
			assertThat(buyer.seat("A1").getDomAttribute("aria-pressed")).isEqualTo("false");
			assertThat(buyer.seat("A1").getDomAttribute("aria-disabled")).isEqualTo("true");
			buyer.waitUntil(TWO_SECONDS, (driver) -> "AVAILABLE".equals(buyer.seatStatus("B2")));
			assertThat(buyer.seat("B2").getDomAttribute("aria-label")).isEqualTo("Seat B2, not on sale");
			buyer.seat("A2").click();
			assertThat(buyer.seat("A2").getDomAttribute("aria-pressed")).isEqualTo("false");

			// so does the page loaded afresh, the list of events and my bookings
			buyer.go("/event.html?id=" + eventId);
			buyer.waitUntilLive();
			assertThat(buyer.find("#event-status").isDisplayed()).isTrue();
			assertThat(buyer.find("#book").isEnabled()).isFalse();
			buyer.go("/bookings.html");
			var booking = buyer.waitFor(".booking");
			assertThat(booking.getText()).contains("Moving night", "Seats B2 and B3");
			assertThat(buyer.find(".booking .status").getText()).isEqualTo("Cancelled");
			assertThat(buyer.driver.findElements(By.cssSelector(".cancel-booking"))).isEmpty();
			buyer.go("/");
			var card = buyer.waitFor(".event-card[data-event-id='" + eventId + "']");
			assertThat(card.getText()).contains("Cancelled", "Called off: no seats on sale");
			admin.go("/admin.html");
			assertThat(admin.waitFor("#event-table tr[data-event-id='" + eventId + "'] .status").getText())
				.isEqualTo("Cancelled");
			assertNoConsoleErrors(admin);
			assertNoConsoleErrors(buyer);
		}
	}

	@Test
	void theDashboardsFiguresFollowABookingMadeByAnotherClientWithoutAReload() {
		var api = api();
		var eventId = api.newEvent("Busy night", 2, 5);
		var buyer = api.newUser(Api.uniqueName("rusher"));

		try (var admin = Browser.open(api.base(), 1280, 1000)) {
			admin.signIn("admin", ADMIN_PASSWORD);
			admin.go("/admin.html");
			var line = "#event-table tr[data-event-id='" + eventId + "']";
			admin.waitFor(line);
			admin.waitUntilLive();
			var before = Integer.parseInt(admin.find("#booked-seats").getText());
			assertThat(admin.find(line + " td:nth-child(4)").getText()).isEqualTo("0");
			admin.script("window.notReloaded = true");

			var booking = api.reserve(buyer, eventId, "A1", "A2");

			admin.waitUntil(TWO_SECONDS, (driver) -> "2".equals(admin.find(line + " td:nth-child(4)").getText()));
			assertThat(Integer.parseInt(admin.find("#booked-seats").getText())).isGreaterThanOrEqualTo(before + 2);
			admin.waitUntil(TWO_SECONDS, (driver) -> admin.find("#recent-table").getText()
				.contains(booking.get("reference").asString()));
			assertThat(admin.script("return window.notReloaded")).isEqualTo(true);
			assertNoConsoleErrors(admin);
		}
	}

	private static void assertNoConsoleErrors(Browser browser) {
		assertThat(browser.consoleProblems()).isEmpty();
	}
}
