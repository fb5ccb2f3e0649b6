package io.seatline.runner.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import io.seatline.runner.Api;
import io.seatline.runner.RunnerTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages in real headless Chromium against the runner: the pages are clients of the same function endpoints,
 * the seat map is live across browsers and processes, user text stays text.
 */
class WebPagesBrowserTests extends RunnerTestSupport {

	private static final Duration A_SECOND = Duration.ofSeconds(1);

	@Test
	void aBuyerRegistersSignsInBooksTwoSeatsThatASecondBrowserSeesTakenAtOnceReviewsAndCancels() {
		var api = api();
		var eventId = api.newEvent("Opening night", 6, 10);
		var username = Api.uniqueName("buyer");
		// other buyers got here first
		api.reserve(api.newUser(Api.uniqueName("early")), eventId, "C4", "C5", "C6", "D5", "F9");

		try (var buyer = Browser.open(api.base(), 1280, 1100); var watcher = Browser.open(api.base(), 1280, 1000)) {
			// register (which signs in), sign out, and sign in again through the login page
			buyer.go("/register.html");
			buyer.type("#register-username", username);
			buyer.type("#register-email", username + "@example.org");
			buyer.type("#register-password", "password-1");
			buyer.find("#register-submit").click();
			assertThat(buyer.waitFor("#signed-in-user").getText()).isEqualTo(username);
			buyer.find("#sign-out").click();
			buyer.waitFor("a[href^='/login.html']");
			buyer.signIn(username, "password-1");

			// the session is an HttpOnly, SameSite=Strict cookie that no script can read
			var cookie = buyer.driver.manage().getCookieNamed("seatline_session");
			assertThat(cookie).isNotNull();
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getSameSite()).isEqualTo("Strict");
			assertThat((String) buyer.script("return document.cookie")).doesNotContain("seatline_session");

			watcher.go("/event.html?id=" + eventId);
			watcher.waitUntilLive();
			watcher.script("window.notReloaded = true");

			buyer.go("/event.html?id=" + eventId);
			buyer.waitUntilLive();
			assertThat(buyer.find("#event-name").getText()).isEqualTo("Opening night");
			// one seat by mouse, the next by keyboard: arrow to it, Space to select
			buyer.seat("A4").click();
			buyer.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
			assertThat(buyer.driver.switchTo().activeElement().getDomAttribute("data-seat")).isEqualTo("A5");
			buyer.driver.switchTo().activeElement().sendKeys(Keys.SPACE);
			assertThat(buyer.seat("A4").getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(buyer.seat("A5").getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(buyer.seat("A5").getDomAttribute("aria-label")).isEqualTo("Seat A5, available");
			assertThat(buyer.find("#selection").getText()).isEqualTo("Selected: A4 and A5");
			assertThat(buyer.find("#book").getText()).isEqualTo("Book 2 seats");

			var clicked = System.currentTimeMillis();
			buyer.find("#book").click();

			// the second browser sees both seats taken within a second, without reloading
			watcher.waitUntil(A_SECOND, (driver) -> "BOOKED".equals(watcher.seatStatus("A4"))
					&& "BOOKED".equals(watcher.seatStatus("A5")));
			var seen = Long.parseLong(watcher.seat("A5").getDomAttribute("data-changed-at"));
			System.out.printf("Booking click to the second browser's seat map: %d ms%n", seen - clicked);
			assertThat(watcher.seat("A4").getDomAttribute("aria-label")).isEqualTo("Seat A4, taken");
			assertThat(watcher.seat("A4").getDomAttribute("aria-disabled")).isEqualTo("true");
			assertThat(watcher.script("return window.notReloaded")).isEqualTo(true);

			var result = buyer.waitFor("#booking-message.ok");
			assertThat(result.getText()).startsWith("Booked! Seats A4 and A5.");
			assertThat(buyer.seatStatus("A4")).isEqualTo("BOOKED");
			// the buyer's own seats look unlike everyone else's taken seats, here and after a reload
			assertThat(buyer.seat("A4").getDomAttribute("data-mine")).isEqualTo("true");
			assertThat(buyer.seat("A4").getDomAttribute("aria-label")).isEqualTo("Seat A4, yours");
			assertThat(buyer.seat("C4").getDomAttribute("data-mine")).isNull();
			assertThat(buyer.find("#legend-mine").isDisplayed()).isTrue();
			assertThat(seatColour(buyer, "A4")).isNotEqualTo(seatColour(buyer, "C4"));
			assertThat(watcher.seat("A4").getDomAttribute("data-mine")).isNull();
			assertThat(watcher.find("#legend-mine").isDisplayed()).isFalse();
			watcher.seat("B3").click();
			watcher.seat("B4").click();
			watcher.screenshot("event-page-second-browser");

			// a buyer with a confirmed booking may review the event
			buyer.waitFor("#review-form");
			buyer.find("#review-form input[name=rating][value='4']").click();
			buyer.type("#review-text", "Great view from row A.");
			buyer.find("#review-form button[type=submit]").click();
			assertThat(buyer.waitFor("#review-message.ok").getText()).isEqualTo("Thank you, your review is posted.");
			assertThat(buyer.find("#rating-summary").getText()).contains("Average 4.0 out of 5 from 1 review");
			assertThat(buyer.find("#reviews .review-author").getText()).isEqualTo(username);
			assertThat(buyer.find("#reviews .review-text").getText()).isEqualTo("Great view from row A.");
			buyer.go("/event.html?id=" + eventId);
			buyer.waitUntilLive();
			buyer.waitUntil(A_SECOND, (driver) -> "true".equals(buyer.seat("A5").getDomAttribute("data-mine")));
			buyer.seat("D7").click();
			buyer.seat("D8").click();
			buyer.script("window.scrollTo(0, 0)");
			buyer.screenshot("event-page");

			// cancel on my bookings: the seats come back on the other seat map within a second
			buyer.go("/bookings.html");
			buyer.waitFor(".cancel-booking").click();
			var confirm = buyer.waitFor(".confirm-cancel");
			var cancelled = System.currentTimeMillis();
			confirm.click();
			watcher.waitUntil(A_SECOND, (driver) -> "AVAILABLE".equals(watcher.seatStatus("A4"))
					&& "AVAILABLE".equals(watcher.seatStatus("A5")));
			System.out.printf("Cancel click to the second browser's seat map: %d ms%n",
					Long.parseLong(watcher.seat("A5").getDomAttribute("data-changed-at")) - cancelled);
			assertThat(buyer.waitFor("#bookings-message.ok").getText()).contains("is cancelled");
			assertThat(buyer.find(".booking .status").getText()).isEqualTo("Cancelled");
			assertThat(watcher.script("return window.notReloaded")).isEqualTo(true);
			// the watcher's own selection survived the changes
			assertThat(watcher.seat("B3").getDomAttribute("aria-pressed")).isEqualTo("true");
			assertNoConsoleErrors(buyer);
			assertNoConsoleErrors(watcher);
		}
	}

	@Test
	void aBookingClickWhoseAnswerIsLostIsSentAgainWithItsKeyAndBooksOnce() {
		var api = api();
		var eventId = api.newEvent("Flaky night", 2, 4);
		var username = Api.uniqueName("flaky");
		var token = api.newUser(username);
		try (var buyer = Browser.open(api.base(), 1280, 1000)) {
			buyer.signIn(username, "password-1");
			buyer.go("/event.html?id=" + eventId);
			buyer.waitUntilLive();
			// the first answer to the booking is lost on its way back, as on a flaky connection
			buyer.script("""
					window.sentKeys = [];
					const realFetch = window.fetch;
					window.fetch = async (url, options) => {
						if (!String(url).endsWith('/reserveSeats')) {
							return realFetch(url, options);
						}
						window.sentKeys.push(options.headers['Idempotency-Key']);
						const response = await realFetch(url, options);
						if (window.sentKeys.length === 1) {
							throw new TypeError('Failed to fetch');
						}
						return response;
					};""");
			buyer.seat("B2").click();
			buyer.seat("B3").click();
			buyer.find("#book").click();
			assertThat(buyer.waitFor("#booking-message.ok").getText()).startsWith("Booked! Seats B2 and B3.");
			@SuppressWarnings("unchecked")
			var keys = (List<String>) buyer.script("return window.sentKeys");
			assertThat(keys).hasSize(2);
			assertThat(keys.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
			assertThat(keys.get(1)).isEqualTo(keys.get(0));
			// the next click is another request, with a key of its own
			buyer.seat("A1").click();
			buyer.find("#book").click();
			buyer.waitUntil(A_SECOND.multipliedBy(5), (driver) -> "BOOKED".equals(buyer.seatStatus("A1")));
			@SuppressWarnings("unchecked")
			var allKeys = (List<String>) buyer.script("return window.sentKeys");
			assertThat(allKeys).hasSize(3);
			assertThat(allKeys.get(2)).isNotEqualTo(keys.get(0));
			assertNoConsoleErrors(buyer);
		}
		var bookings = api.ok("myBookings", "{}", token);
		assertThat(bookings).hasSize(2);
	}

	@Test
	void aSeatTakenWhileSelectedIsDeselectedWithAMessage() {
		var api = api();
		var eventId = api.newEvent("Matinee", 3, 6);
		var rival = api.newUser(Api.uniqueName("rival"));

		try (var browser = Browser.open(api.base(), 1280, 1000)) {
			browser.go("/event.html?id=" + eventId);
			browser.waitUntilLive();
			browser.seat("B3").click();
			browser.seat("B4").click();

			api.reserve(rival, eventId, "B3");

			browser.waitUntil(A_SECOND, (driver) -> "BOOKED".equals(browser.seatStatus("B3")));
			assertThat(browser.seat("B3").getDomAttribute("aria-pressed")).isEqualTo("false");
			assertThat(browser.seat("B4").getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(browser.waitFor("#booking-message.info").getText())
				.isEqualTo("Seat B3 has just been taken by someone else, so it is no longer selected.");
			assertThat(browser.find("#selection").getText()).isEqualTo("Selected: B4");
		}
	}

	@Test
	void seatsPickedBeforeSigningInAreStillSelectedAfterwardsExceptOneTakenMeanwhile() {
		var api = api();
		var eventId = api.newEvent("Encore", 3, 6);
		var username = Api.uniqueName("late");
		api.newUser(username);
		var rival = api.newUser(Api.uniqueName("swift"));

		try (var browser = Browser.open(api.base(), 1280, 1000)) {
			browser.go("/event.html?id=" + eventId);
			browser.waitUntilLive();
			browser.seat("C2").click();
			browser.seat("C3").click();
			browser.seat("C4").click();
			assertThat(browser.find("#book").getText()).isEqualTo("Sign in to book");
			browser.find("#book").click();
			browser.waitFor("#login-username");
			api.reserve(rival, eventId, "C4");
			browser.type("#login-username", username);
			browser.type("#login-password", "password-1");
			browser.find("#login-submit").click();

			browser.waitUntil(Duration.ofSeconds(10), (driver) -> driver.getCurrentUrl().contains("/event.html"));
			browser.waitUntilLive();
			assertThat(browser.waitFor("#booking-message.info").getText())
				.isEqualTo("Seat C4 was taken while you signed in; C2 and C3 are still selected.");
			assertThat(browser.seat("C2").getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(browser.seat("C3").getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(browser.seat("C4").getDomAttribute("aria-pressed")).isEqualTo("false");
			assertThat(browser.find("#book").getText()).isEqualTo("Book 2 seats");
			browser.find("#book").click();
			assertThat(browser.waitFor("#booking-message.ok").getText()).startsWith("Booked! Seats C2 and C3.");
			assertNoConsoleErrors(browser);
		}
	}

	@Test
	void aSeatSoldWhileThePageCouldNotHearOfItIsRefusedInPlainWordsAndNothingIsBooked() {
		var api = api();
		var eventId = api.newEvent("Late show", 3, 6);
		var username = Api.uniqueName("unlucky");
		api.newUser(username);
		var rival = api.newUser(Api.uniqueName("quick"));

		try (var browser = Browser.open(api.base(), 1280, 1000)) {
			browser.signIn(username, "password-1");
			// cut the live stream off, as a flaky network would
			browser.driver.executeCdpCommand("Network.enable", Map.of());
			browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/live/*")));
			browser.go("/event.html?id=" + eventId);
			browser.waitUntil(Duration.ofSeconds(10), (driver) -> !"live"
				.equals(driver.findElement(By.id("live-status")).getDomAttribute("data-state"))
					&& !driver.findElements(By.cssSelector("button.seat")).isEmpty());
			api.reserve(rival, eventId, "B2");

			browser.seat("B1").click();
			browser.seat("B2").click();
			browser.find("#book").click();

			assertThat(browser.waitFor("#booking-message.error").getText()).isEqualTo(
					"Seat B2 has just been taken by someone else. Nothing was booked: choose another seat and try again.");
			assertThat(browser.seat("B2").getDomAttribute("aria-pressed")).isEqualTo("false");
			// the refusal named the seat: the map shows it taken, though the stream that would say so is down
			assertThat(browser.seatStatus("B2")).isEqualTo("BOOKED");
			assertThat(browser.seat("B2").getDomAttribute("aria-disabled")).isEqualTo("true");
			assertThat(browser.seat("B1").getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(api.ok("eventSeats", Map.of("eventId", eventId), null).get("seats").get(6).get("status").asString())
				.isEqualTo("AVAILABLE");
		}
	}

	@Test
	void startTimesAreTheVenuesLocalTimeWithItsZoneWhateverTheReadersZone() {
		var api = api();
		var admin = api.adminToken();
		var lisbon = api.ok("createVenue", Map.of("name", Api.uniqueName("Lisbon Hall"), "capacity", 4, "timeZone",
				"Europe/Lisbon"), admin).get("venueId").asString();
		var venueName = Api.uniqueName("Tokyo Hall");
		var eventName = Api.uniqueName("Kabuki");

		// the reader is in Honolulu, ten hours behind UTC; the venue in Tokyo, nine hours ahead
		try (var browser = Browser.inTimeZone(api.base(), 1280, 1000, "Pacific/Honolulu")) {
			browser.go("/");
			assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
				.isEqualTo("Pacific/Honolulu");
			browser.signIn("admin", ADMIN_PASSWORD);
			browser.go("/admin.html");
			browser.waitUntil(Duration.ofSeconds(5),
					(driver) -> browser.find("#event-venue option[value='" + lisbon + "']"));
			// a new venue is in the reader's zone unless another is picked from the browser's list
			assertThat(browser.find("#venue-time-zone").getDomProperty("value")).isEqualTo("Pacific/Honolulu");
			assertThat((Long) browser.script("return document.querySelectorAll('#time-zones option').length"))
				.isGreaterThan(300);
			// the event's start is typed in its venue's zone, named beside the field
			new org.openqa.selenium.support.ui.Select(browser.find("#event-venue")).selectByValue(lisbon);
			assertThat(browser.find("#event-zone").getText()).isEqualTo("in Europe/Lisbon, the venue's time");

			browser.type("#venue-name", venueName);
			browser.find("input[name=layout][value=capacity]").click();
			browser.type("#venue-capacity", "4");
			browser.type("#venue-time-zone", "Asia/Tokyo");
			browser.find("#venue-submit").click();
			assertThat(browser.waitFor("#venue-message.ok").getText()).isEqualTo("Venue " + venueName
					+ " is ready with 4 seats. Its events are timed in Asia/Tokyo.");
			assertThat(browser.find("#event-zone").getText()).isEqualTo("in Asia/Tokyo, the venue's time");
			browser.script("document.getElementById('venue-heading').scrollIntoView()");
			browser.screenshot("admin-forms-time-zone");

			browser.type("#event-name", eventName);
			browser.script("arguments[0].value = '2031-05-01T20:00'", browser.find("#event-starts-at"));
			browser.find("#event-submit").click();
			browser.waitFor("#event-message.ok");
			var eventId = browser.find("#event-message a").getDomAttribute("href").replaceAll(".*id=", "");
			// sent as meant: 20:00 in Tokyo is 11:00 UTC (01:00 in Honolulu)
			var seats = api.ok("eventSeats", Map.of("eventId", eventId), null);
			assertThat(seats.get("startsAt").asString()).isEqualTo("2031-05-01T11:00:00Z");
			assertThat(seats.get("localStartsAt").asString()).isEqualTo("2031-05-01T20:00:00+09:00");
			api.reserve(admin, eventId, "1");

			var dashboardRow = browser.waitUntil(Duration.ofSeconds(5), (driver) -> driver
				.findElements(By.cssSelector("#event-table tbody tr[data-event-id='" + eventId + "']"))
				.stream()
				.map((line) -> line.getText())
				.findFirst()
				.orElse(null));
			assertTokyoEvening(dashboardRow);

			browser.go("/");
			var card = browser.waitFor(".event-card[data-event-id='" + eventId + "'] time");
			assertTokyoEvening(card.getText());
			assertThat(card.getText()).contains("Thursday");
			assertThat(card.getDomAttribute("datetime")).isEqualTo("2031-05-01T20:00:00+09:00");

			browser.go("/event.html?id=" + eventId);
			var when = browser.waitFor("#event-when").getText();
			assertThat(when).startsWith(venueName + " · ");
			assertTokyoEvening(when);

			browser.go("/bookings.html");
			assertTokyoEvening(browser.waitFor(".booking[data-booking-id]").getText());

			browser.go("/boxoffice.html?event=" + eventId);
			browser.waitUntil(Duration.ofSeconds(5), (driver) -> browser.find("#event-select option[value='" + eventId
					+ "']"));
			var option = browser.find("#event-select option[value='" + eventId + "']").getText();
			assertThat(option).startsWith(eventName + " · ");
			assertTokyoEvening(option);
			browser.screenshot("venue-time-zone");

			// the form's reading of a wall time, as java.time reads it: summer and winter, a time skipped when
			// clocks go forward (the offset from before), a time shown twice when they go back (the offset from before)
			var offsets = (String) browser.driver.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					import('/js/dom.js').then((dom) => done([['2031-07-01T20:00', 'Europe/Berlin'],
						['2031-12-01T20:00', 'Europe/Berlin'], ['2031-03-30T02:30', 'Europe/Berlin'],
						['2031-10-26T02:30', 'Europe/Berlin'], ['2031-06-01T19:30', 'America/St_Johns'],
						['2031-06-01T19:30', 'Asia/Kathmandu']].map(([local, zone]) => dom.wallTimeWithOffset(local, zone))
						.join(' ')));
					""");
			// compared as instants: a skipped time is sent as written with the offset before the change
			var expected = new ArrayList<java.time.Instant>();
			for (var wall : List.of("2031-07-01T20:00 Europe/Berlin", "2031-12-01T20:00 Europe/Berlin",
					"2031-03-30T02:30 Europe/Berlin", "2031-10-26T02:30 Europe/Berlin",
					"2031-06-01T19:30 America/St_Johns", "2031-06-01T19:30 Asia/Kathmandu")) {
				var parts = wall.split(" ");
				expected.add(java.time.ZonedDateTime
					.of(java.time.LocalDateTime.parse(parts[0]), java.time.ZoneId.of(parts[1]))
					.toInstant());
			}
			assertThat(java.util.Arrays.stream(offsets.split(" "))
				.map((sent) -> java.time.OffsetDateTime.parse(sent).toInstant())).containsExactlyElementsOf(expected);
			assertThat(offsets).contains("2031-10-26T02:30:00+02:00", "2031-06-01T19:30:00-02:30");
		}
	}

	// 2031-05-01 20:00 in Tokyo, in the browser's own language (12 or 24 hours), never the reader's 01:00
	private static void assertTokyoEvening(String text) {
		assertThat(text).contains("2031").contains("May").contains("1").contains(" (Asia/Tokyo)")
			.containsPattern("\\b(20:00|8:00.PM)\\b")
			.doesNotContainPattern("\\b(0?1:00)\\b");
	}

	@Test
	void anAdminCreatesAVenueAndAnEventAndDownloadsTheBookingsAsCsv() {
		var api = api();
		var soldEvent = api.newEvent("Jazz evening", 4, 8);
		var fan = Api.uniqueName("fan");
		api.reserve(api.newUser(fan), soldEvent, "A1", "A2");
		var venueName = Api.uniqueName("Riverside");
		var eventName = Api.uniqueName("Gala <i>night</i>");

		try (var admin = Browser.open(api.base(), 1280, 1000)) {
			admin.signIn("admin", ADMIN_PASSWORD);
			admin.find("a[href='/admin.html']").click();
			admin.waitFor("#total-seats");
			assertThat(admin.find("#recent-table").getText()).contains(fan)
				.contains("Jazz evening")
				.contains("A1 and A2");

			admin.type("#venue-name", venueName);
			admin.type("#venue-rows", "5");
			admin.type("#venue-seats-per-row", "9");
			admin.find("#venue-submit").click();
			assertThat(admin.waitFor("#venue-message.ok").getText())
				.startsWith("Venue " + venueName + " is ready with 45 seats. Its events are timed in ");
			assertThat(admin.find("#event-venue option:checked").getText()).startsWith(venueName);

			admin.type("#event-name", eventName);
			admin.script("arguments[0].value = '2031-06-01T19:30'", admin.find("#event-starts-at"));
			admin.type("#event-description", "Dress code: festive.");
			admin.find("#event-submit").click();
			assertThat(admin.waitFor("#event-message.ok").getText())
				.startsWith("Event " + eventName + " is on sale with 45 seats.");
			var row = admin.waitUntil(Duration.ofSeconds(5), (driver) -> driver
				.findElements(By.cssSelector("#event-table tbody tr"))
				.stream()
				.map((line) -> line.getText())
				.filter((text) -> text.contains(eventName))
				.findFirst()
				.orElse(null));
			assertThat(row).contains(venueName).contains("45");

			admin.driver.manage().window().setSize(new Dimension(1280, 1900));
			admin.script("window.scrollTo(0, 0)");
			admin.screenshot("dashboard");

			// the download link, fetched with the browser's own session cookie
			assertThat(admin.find("#csv-download").getDomAttribute("href")).isEqualTo("/admin/export.csv");
			var download = (String) admin.driver.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch('/admin/export.csv').then((r) => r.text().then((t) =>
						done(r.status + '\\n' + r.headers.get('content-type') + '\\n'
							+ r.headers.get('content-disposition') + '\\n' + t)));
					""");
			var lines = download.lines().toList();
			assertThat(lines.get(0)).isEqualTo("200");
			assertThat(lines.get(1)).startsWith("text/csv");
			assertThat(lines.get(2)).contains("attachment").contains("bookings.csv");
			assertThat(lines.get(3).replace("\uFEFF", ""))
				.isEqualTo("booking_id,username,event,event_date,seats,booked_at,status");
			assertThat(lines.subList(4, lines.size())).anySatisfy((line) -> assertThat(line).contains(fan)
				.contains("Jazz evening")
				.contains("A1 A2")
				.endsWith("CONFIRMED"));

			// the new event is on the public list, its name shown as text
			admin.go("/");
			var card = admin.waitUntil(Duration.ofSeconds(5), (driver) -> driver
				.findElements(By.cssSelector(".event-card h2"))
				.stream()
				.filter((title) -> title.getText().equals(eventName))
				.findFirst()
				.orElse(null));
			assertThat(card.findElements(By.tagName("i"))).isEmpty();
			assertNoConsoleErrors(admin);
		}
	}

	@Test
	void theBoxOfficeBlocksARunOfSeatsThatAnOpenBuyersPageShowsAtOnceAndCancelsABookingFoundByItsReference() {
		var api = api();
		var eventId = api.newEvent("Box office gala", 3, 6);
		var patron = Api.uniqueName("patron");
		var booking = api.reserve(api.newUser(patron), eventId, "C5", "C6");
		var reference = booking.get("reference").asString();

		try (var admin = Browser.open(api.base(), 1280, 1100); var watcher = Browser.open(api.base(), 1280, 1000)) {
			watcher.go("/event.html?id=" + eventId);
			watcher.waitUntilLive();
			watcher.script("window.notReloaded = true");

			admin.signIn("admin", ADMIN_PASSWORD);
			admin.find("a[href='/boxoffice.html']").click();
			admin.waitFor("#event-select");
			admin.go("/boxoffice.html?event=" + eventId);
			admin.waitUntilLive();
			assertThat(admin.seat("C5").getDomAttribute("title")).isEqualTo("C5: " + reference + ", " + patron);
			// a run of seats: the first by a click, the last by a shift-click
			admin.seat("A1").click();
			new Actions(admin.driver).keyDown(Keys.SHIFT).click(admin.seat("A3")).keyUp(Keys.SHIFT).perform();
			assertThat(admin.find("#selection").getText()).isEqualTo("Selected: A1, A2 and A3");
			assertThat(admin.find("#unblock").isEnabled()).isFalse();
			admin.find("#block").click();
			assertThat(admin.waitFor("#seats-message.ok").getText()).isEqualTo("A1, A2 and A3 blocked.");

			// the buyer's page shows them off sale within a second, without reloading
			watcher.waitUntil(A_SECOND, (driver) -> "BLOCKED".equals(watcher.seatStatus("A1"))
					&& "BLOCKED".equals(watcher.seatStatus("A2")) && "BLOCKED".equals(watcher.seatStatus("A3")));
			assertThat(watcher.seat("A2").getDomAttribute("aria-disabled")).isEqualTo("true");
			assertThat(watcher.script("return window.notReloaded")).isEqualTo(true);

			// a blocked seat can be chosen again to put it back on sale
			admin.seat("A2").click();
			assertThat(admin.find("#block").isEnabled()).isFalse();
			admin.find("#unblock").click();
			// the message of the block stays until the answer of the unblock replaces it
			admin.waitUntil(A_SECOND.multipliedBy(5),
					(driver) -> "A2 back on sale.".equals(admin.find("#seats-message.ok").getText()));
			watcher.waitUntil(A_SECOND, (driver) -> "AVAILABLE".equals(watcher.seatStatus("A2")));

			// a sold seat leads to its booking; the booking is cancelled for the customer, with a reason
			admin.seat("C5").click();
			assertThat(admin.waitFor("#seat-booking .reference").getText()).isEqualTo(reference);
			admin.screenshot("box-office");
			admin.type("#find-query", reference.substring(0, 4).toLowerCase() + "-" + reference.substring(4));
			admin.find("#find-submit").click();
			var found = admin.waitFor(".found-booking[data-booking-id='" + booking.get("bookingId").asString() + "']");
			assertThat(found.getText()).contains(reference, patron, "Box office gala", "C5 and C6", "Confirmed");
			admin.type(".found-booking .cancel-reason", "The row is closed for repairs");
			admin.find(".found-booking .cancel-for button").click();
			assertThat(admin.waitFor("#find-message.ok").getText())
				.isEqualTo("Booking " + reference + " is cancelled; " + patron + " is emailed the reason.");
			assertThat(admin.find(".found-booking").getText()).contains("Cancelled", "Reason: The row is closed for repairs");
			watcher.waitUntil(A_SECOND, (driver) -> "AVAILABLE".equals(watcher.seatStatus("C5"))
					&& "AVAILABLE".equals(watcher.seatStatus("C6")));

			// the booking's history: the cancel just done, newest first, above the sale
			var cancel = admin.waitFor(".found-booking .booking-history tr[data-action='cancelBookingFor']");
			assertThat(cancel.getText()).contains("admin", "The row is closed for repairs",
					"status CONFIRMED, seats C5 C6 → status CANCELLED, reason The row is closed for repairs");
			var rows = admin.driver.findElements(By.cssSelector(".found-booking .booking-history tbody tr"));
			assertThat(rows).extracting((row) -> row.getDomAttribute("data-action"))
				.containsExactly("cancelBookingFor", "reserveSeats");
			assertThat(rows.get(1).getText()).contains(patron);
			// the event's history shows the blocks and the cancel (read again after it, and on Refresh), with its CSV
			admin.waitFor("#event-history tr[data-action='cancelBookingFor']");
			admin.find("#event-history-refresh").click();
			admin.waitFor("#event-history tr[data-action='cancelBookingFor']");
			assertThat(admin.driver.findElements(By.cssSelector("#event-history tbody tr")))
				.extracting((row) -> row.getDomAttribute("data-action"))
				.containsExactly("cancelBookingFor", "unblockSeats", "blockSeats", "reserveSeats", "createEvent");
			assertThat(admin.find("#event-history-csv").getDomAttribute("href"))
				.isEqualTo("/admin/audit.csv?eventId=" + eventId);
			var csv = (String) admin.driver.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch(document.getElementById('event-history-csv').href).then((r) => r.text().then((t) =>
						done(r.status + '\\n' + r.headers.get('content-disposition') + '\\n' + t)));
					""");
			var csvLines = csv.lines().toList();
			assertThat(csvLines.get(0)).isEqualTo("200");
			assertThat(csvLines.get(1)).contains("attachment").contains("audit.csv");
			assertThat(csvLines.get(2)).isEqualTo("at,actor,action,event_id,booking_id,reference,username,summary,before,after");
			assertThat(csvLines.get(3)).contains(",admin,cancelBookingFor," + eventId + ",");
			admin.screenshot("box-office-history");
			assertNoConsoleErrors(admin);
			assertNoConsoleErrors(watcher);
		}

		try (var customer = Browser.open(api.base(), 1280, 1000)) {
			customer.signIn(patron, "password-1");
			customer.go("/bookings.html");
			assertThat(customer.waitFor(".booking .status").getText()).isEqualTo("Cancelled");
		}
	}

	@Test
	void aReviewWithAScriptTagShowsAsText() {
		var api = api();
		var eventId = api.newEvent("Poetry slam", 2, 4);
		var username = Api.uniqueName("poet");
		var token = api.newUser(username);
		api.reserve(token, eventId, "A1");
		var text = "<script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\"> <b>bold?</b>";
		api.ok("submitReview", Map.of("eventId", eventId, "rating", 2, "text", text), token);

		try (var browser = Browser.open(api.base(), 1280, 1000)) {
			browser.go("/event.html?id=" + eventId);
			var shown = browser.waitFor("#reviews .review-text");

			assertThat(shown.getText()).isEqualTo(text);
			assertThat(shown.findElements(By.cssSelector("*"))).isEmpty();
			assertThat(browser.find("#reviews").findElements(By.cssSelector("script, img, b"))).isEmpty();
			assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
			assertThat(browser.find("#reviews .review-author").getText()).isEqualTo(username);
			assertNoConsoleErrors(browser);
		}
	}

	@Test
	void onAPhoneSizedScreenTheListAndTheSeatMapWorkWithoutSidewaysScrolling() {
		var api = api();
		var eventId = api.newEvent("Street festival", 8, 16);
		var username = Api.uniqueName("phone");
		api.newUser(username);

		try (var phone = Browser.phone(api.base())) {
			phone.signIn(username, "password-1");
			phone.go("/");
			assertThat(phone.script("return window.innerWidth")).isEqualTo(390L);
			var card = phone.waitFor(".event-card[data-event-id='" + eventId + "']");
			assertThat(card.getText()).contains("128 of 128 seats left");
			assertThat(pageWidth(phone)).isLessThanOrEqualTo(390L);
			card.findElement(By.tagName("a")).click();

			phone.waitUntilLive();
			// sixteen seats a row do not fit: the seat map scrolls sideways, never the page
			assertThat(pageWidth(phone)).isLessThanOrEqualTo(390L);
			assertThat(phone.find("#scroll-hint").isDisplayed()).isTrue();
			var seat = phone.seat("C2");
			assertThat(seat.isDisplayed()).isTrue();
			assertThat(seat.getSize().getWidth()).isGreaterThanOrEqualTo(30);
			seat.click();
			phone.seat("C3").click();
			phone.script("window.scrollTo(0, 0)");
			phone.screenshot("event-page-phone");
			phone.find("#book").click();
			assertThat(phone.waitFor("#booking-message.ok").getText()).startsWith("Booked! Seats C2 and C3.");
			assertThat(pageWidth(phone)).isLessThanOrEqualTo(390L);
		}
	}

	@Test
	void aWrongPasswordIsExplainedInPlainWords() {
		var api = api();
		var username = Api.uniqueName("forgetful");
		api.newUser(username);

		try (var browser = Browser.open(api.base(), 1280, 900)) {
			browser.go("/login.html");
			browser.type("#login-username", username);
			browser.type("#login-password", "not-the-password");
			browser.find("#login-submit").click();

			assertThat(browser.waitFor("#login-message.error").getText())
				.isEqualTo("That username and password do not match. Check them and try again.");
			assertThat(browser.driver.manage().getCookieNamed("seatline_session")).isNull();
		}
	}

	@Test
	void afterSignInTheLoginPageGoesOnlyToAPageOfThisSiteWhateverNextSays() {
		var api = api();
		var username = Api.uniqueName("redirected");
		api.newUser(username);
		var elsewhere = List.of("%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example",
				"%2F%2Fevil.example", "https%3A%2F%2Fevil.example%2F", "javascript%3Aalert(1)", "%09%2F%2Fevil.example");
		try (var browser = Browser.open(api.base(), 1280, 900)) {
			for (var next : elsewhere) {
				signInWithNext(browser, username, next);
				assertThat(browser.driver.getCurrentUrl()).as(next).isEqualTo(api.base() + "/");
			}
			signInWithNext(browser, username, "%2Fbookings.html%3Fshow%3Dall");
			assertThat(browser.driver.getCurrentUrl()).isEqualTo(api.base() + "/bookings.html?show=all");
		}
	}

	private static void signInWithNext(Browser browser, String username, String next) {
		browser.go("/login.html?next=" + next);
		browser.type("#login-username", username);
		browser.type("#login-password", "password-1");
		browser.find("#login-submit").click();
		browser.waitUntil(Duration.ofSeconds(10), (driver) -> !driver.getCurrentUrl().contains("/login.html"));
		browser.waitUntil(Duration.ofSeconds(10),
				(driver) -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
					.executeScript("return document.readyState")));
	}

	/**
	 * Measures how long a seat change takes to show on an open seat map: bookings through this runner (pushed after
	 * commit) and bookings by another process on the same database (found by polling). Prints the medians.
	 */
	@Test
	void seatChangesReachAnOpenPageWithinASecondFromThisProcessAndFromAnother() throws Exception {
		var api = api();
		var eventId = api.newEvent("Latency check", 3, 10);
		var token = api.newUser(Api.uniqueName("measure"));
		// an account holds at most 10 seats of an event: the other process books as someone else
		var otherToken = api.newUser(Api.uniqueName("measure"));
		var rounds = 10;

		try (var browser = Browser.open(api.base(), 1280, 900); var other = OtherProcess.start(DATABASE)) {
			browser.go("/event.html?id=" + eventId);
			browser.waitUntilLive();

			// a random pause before each booking, so that bookings do not fall in step with the poll ticks
			var random = new Random(42);
			var here = new ArrayList<Long>();
			for (int i = 1; i <= rounds; i++) {
				Thread.sleep(random.nextInt(300));
				var seat = "A" + i;
				var started = System.currentTimeMillis();
				api.reserve(token, eventId, seat);
				here.add(shownAfter(browser, seat, started));
			}
			var elsewhere = new ArrayList<Long>();
			for (int i = 1; i <= rounds; i++) {
				Thread.sleep(random.nextInt(300));
				var seat = "C" + i;
				var started = System.currentTimeMillis();
				other.call("reserveSeats", otherToken, Api.toJson(Map.of("eventId", eventId, "seats", List.of(seat))));
				elsewhere.add(shownAfter(browser, seat, started));
			}

			var report = String.format("Seat change to an open seat map, %d bookings each:%n"
					+ "  through this runner (pushed after commit): median %d ms, max %d ms, all %s%n"
					+ "  by another process (polled every 300 ms):  median %d ms, max %d ms, all %s%n", rounds,
					median(here), max(here), here, median(elsewhere), max(elsewhere), elsewhere);
			System.out.print(report);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "seat-change-latency.txt"), report);
			assertThat(here).allSatisfy((millis) -> assertThat(millis).isLessThan(1000));
			assertThat(elsewhere).allSatisfy((millis) -> assertThat(millis).isLessThan(1000));
		}
	}

	/** Milliseconds from the start of a booking until the page marked the seat taken (the page's own clock). */
	private static long shownAfter(Browser browser, String seat, long started) {
		browser.waitUntil(A_SECOND, (driver) -> "BOOKED".equals(browser.seatStatus(seat)));
		return Long.parseLong(browser.seat(seat).getDomAttribute("data-changed-at")) - started;
	}

	/** No script error, no blocked resource, no failed call: an anonymous visitor is not an error either. */
	private static void assertNoConsoleErrors(Browser browser) {
		assertThat(browser.consoleProblems()).isEmpty();
	}

	private static Object seatColour(Browser browser, String seat) {
		return browser.script("return getComputedStyle(arguments[0]).backgroundColor", browser.seat(seat));
	}

	private static long pageWidth(Browser browser) {
		return (Long) browser.script("return document.documentElement.scrollWidth");
	}

	private static long median(List<Long> values) {
		var sorted = values.stream().sorted().toList();
		var middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static long max(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).max().orElse(0);
	}
}
