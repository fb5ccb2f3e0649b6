package io.seatline.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.seatline.runner.Api.assertError;
import static io.seatline.runner.Api.assertField;
import static org.assertj.core.api.Assertions.assertThat;

/** The runner's HTTP surface under hostile input (issue 10), over HTTP and raw sockets, on a real SQLite file. */
class HttpSurfaceTests extends RunnerTestSupport {

	Api http;

	String admin;

	@BeforeEach
	void signIn() {
		this.http = api();
		this.admin = this.http.adminToken();
	}

	@Test
	void loginAndLogoutAreRefusedInACompositionNamingThem() {
		var user = this.http.newUser(Api.uniqueName("alone"));
		var login = this.http.post("login,browseEvents", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}",
				null);
		assertError(login, 400, "INVALID_REQUEST");
		assertThat(login.json().get("message").asString()).contains("login");
		var logout = this.http.post("browseEvents,logout", "{}", user);
		assertError(logout, 400, "INVALID_REQUEST");
		assertThat(logout.json().get("message").asString()).contains("logout");
		// the session still works: logout never ran
		assertThat(this.http.post("currentUser", "{}", user).status()).isEqualTo(200);
	}

	@Test
	void aCompositionRunsEveryStepOrIsRefusedNamingTheStepThatCannotBePiped() {
		var user = this.http.newUser(Api.uniqueName("piper"));
		var venues = this.http.post("listVenues,createVenue", "{}", this.admin);
		assertError(venues, 400, "INVALID_REQUEST");
		assertThat(venues.json().get("message").asString()).contains("listVenues");
		var bookings = this.http.post("myBookings,cancelBooking", "{}", user);
		assertError(bookings, 400, "INVALID_REQUEST");
		assertThat(bookings.json().get("message").asString()).contains("myBookings");
		assertError(this.http.post("browseEvents,eventSeats", "{}", null), 400, "INVALID_REQUEST");
		assertError(this.http.post("exportBookings,currentUser", "{}", this.admin), 400, "INVALID_REQUEST");
		// a list at the end is fine, and every step runs
		assertThat(this.http.post("currentUser,myBookings", "{}", user).status()).isEqualTo(200);
		var event = this.http.newEvent("Piped", 1, 2);
		var seats = this.http.post("reserveSeats,eventSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\"]}", user);
		assertThat(seats.status()).isEqualTo(200);
		assertThat(seats.json().get("seats").get(0).get("status").asString()).isEqualTo("BOOKED");
	}

	@Test
	void datesAndInstantsOutsideTheYears1970To9999AreRefusedNamingTheField() {
		assertField(this.http.post("browseEvents", "{\"from\":\"+999999999-12-31\"}", null), "from");
		assertField(this.http.post("browseEvents", "{\"to\":\"-999999999-01-01\"}", null), "to");
		assertField(this.http.post("browseEvents", "{\"from\":\"1969-12-31\"}", null), "from");
		var venue = this.http.ok("createVenue", Map.of("name", Api.uniqueName("Far Hall"), "capacity", 2), this.admin)
			.get("venueId").asString();
		for (var startsAt : List.of("+999999999-12-31T00:00:00Z", "10000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
				"-0001-01-01T00:00:00Z")) {
			assertField(this.http.post("createEvent", Api.toJson(Map.of("venueId", venue, "name", "Far", "startsAt",
					startsAt)), this.admin), "startsAt");
		}
		assertThat(this.http.post("createEvent", Api.toJson(Map.of("venueId", venue, "name", "Far", "startsAt",
				"9999-12-31T23:00:00Z")), this.admin).status()).isEqualTo(200);
		assertThat(this.http.post("dashboard", "{}", this.admin).status()).isEqualTo(200);
		assertThat(this.http.post("browseEvents", "{\"from\":\"9999-12-31\",\"to\":\"9999-12-31\"}", null).status())
			.isEqualTo(200);
	}

	@Test
	void numbersAndBooleansAreNotTextNorTextNumbersButIdsMayBeNumbers() {
		assertField(this.http.post("register", "{\"username\":123,\"email\":\"n@example.org\",\"password\":\"password-1\"}",
				null), "username");
		assertField(this.http.post("register", "{\"username\":true,\"email\":\"n@example.org\",\"password\":\"password-1\"}",
				null), "username");
		assertField(this.http.post("register", "{\"username\":\"numbered\",\"email\":\"n@example.org\",\"password\":12345678}",
				null), "password");
		assertField(this.http.post("createVenue", "{\"name\":42,\"capacity\":5}", this.admin), "name");
		assertField(this.http.post("createVenue", "{\"name\":\"Typed\",\"capacity\":\"5\"}", this.admin), "capacity");
		assertField(this.http.post("browseEvents", "{\"venue\":false}", null), "venue");
		assertField(this.http.post("eventSeats", "{\"eventId\":true}", null), "eventId");
		// the contract: an id of the right JSON type that was never issued is NOT_FOUND, a number included
		assertError(this.http.post("eventSeats", "{\"eventId\":424242}", null), 404, "NOT_FOUND");
	}

	@Test
	void namesThatLookAlikeAreTheSameNameAndControlCharactersStayOutOfTexts() {
		var name = Api.uniqueName("Main Hall");
		var venue = this.http.ok("createVenue", Map.of("name", name, "capacity", 2), this.admin);
		for (var lookalike : List.of(name.replace("Main ", "Main\u200b "), name.replace(" ", "\u00a0"),
				name.replace("M", "\uff2d"), "\u200b" + name + "\u2060", name.replace(" ", "  "))) {
			assertError(this.http.post("createVenue", Api.toJson(Map.of("name", lookalike, "capacity", 2)), this.admin),
					409, "CONFLICT");
		}
		assertThat(this.http.post("createVenue", Api.toJson(Map.of("name", "Bell\u0007Hall", "capacity", 2)),
				this.admin).status()).isEqualTo(400);
		assertError(this.http.post("register", Api.toJson(Map.of("username", "ann\u200b" + Api.uniqueName("z"), "email",
				"z@example.org", "password", "password-1")), null), 400, "INVALID_REQUEST");

		var venueId = venue.get("venueId").asString();
		var startsAt = "2099-05-01T20:00:00Z";
		assertField(this.http.post("createEvent", Api.toJson(Map.of("venueId", venueId, "name", "Quiet", "startsAt",
				startsAt, "description", "Line one\u001b[2Jcleared")), this.admin), "description");
		var event = this.http.ok("createEvent", Map.of("venueId", venueId, "name", "Ev\u200bent", "startsAt", startsAt,
				"description", "Line one\nLine two\r\n\tindented"), this.admin);
		assertThat(event.get("name").asString()).isEqualTo("Event");
		var eventId = event.get("eventId").asString();
		var user = this.http.newUser(Api.uniqueName("critic"));
		this.http.reserve(user, eventId, "1");
		assertField(this.http.post("submitReview", Api.toJson(Map.of("eventId", eventId, "rating", 4, "text",
				"Good\u0000bad")), user), "text");
		var review = this.http.ok("submitReview", Map.of("eventId", eventId, "rating", 4, "text", "Good.\nVery good."),
				user);
		assertThat(review.get("text").asString()).isEqualTo("Good.\nVery good.");
	}

	@Test
	void everyCsvCellThatASpreadsheetWouldTakeForAFormulaIsMadeInert() throws IOException {
		var admin = this.admin;
		var venue = this.http.ok("createVenue", Map.of("name", Api.uniqueName("Csv Hall"), "capacity", 4), admin)
			.get("venueId").asString();
		var formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
		var eventId = this.http.ok("createEvent", Map.of("venueId", venue, "name", formula, "startsAt",
				"2099-03-01T20:00:00Z"), admin).get("eventId").asString();
		var username = "-" + Api.uniqueName("minus");
		var user = this.http.newUser(username);
		this.http.reserve(user, eventId, "1", "2");

		for (var csv : List.of(this.http.get("/admin/export.csv?eventId=" + eventId, "Authorization", "Bearer " + admin),
				this.http.post("exportBookings", "{\"eventId\":\"" + eventId + "\"}", admin))) {
			assertThat(csv.status()).isEqualTo(200);
			assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
			var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(csv.body().replace("\uFEFF", "")))
				.getRecords();
			assertThat(records).hasSize(1);
			assertThat(records.get(0).get("event")).isEqualTo("'" + formula);
			assertThat(records.get(0).get("username")).isEqualTo("'" + username);
			assertThat(records.get(0).get("seats")).isEqualTo("1 2");
			for (var cell : records.get(0).values()) {
				assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
					.doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
			}
		}
	}

	@Test
	void tomcatsOwnRefusalsAnswerInTheContractsJson() throws IOException {
		assertError(this.http.get("/error"), 404, "NOT_FOUND");
		var dotDot = raw("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(dotDot).startsWith("HTTP/1.1 400").contains("application/json").contains("\"error\":\"INVALID_REQUEST\"");
		var trace = raw("TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(trace).startsWith("HTTP/1.1 405").contains("application/json")
			.contains("\"error\":\"METHOD_NOT_ALLOWED\"");
		var longHeader = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(longHeader).containsPattern("^HTTP/1.1 4(00|31)").contains("application/json")
			.contains("\"error\":\"INVALID_REQUEST\"");
		var badVersion = raw("GET / HTTP/7.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(badVersion).doesNotContain("<html").doesNotContain("<!doctype");
	}

	@Test
	void aSmallReplyGivesItsLengthAndALargeOneArrivesWholeAsItIsWritten() {
		// replies are written to the connection as they are made: a small one still goes out with its length
		var small = this.http.post("currentUser", "{}", this.admin);
		assertThat(small.status()).isEqualTo(200);
		assertThat(small.header("Content-Length"))
			.isEqualTo(Integer.toString(small.body().getBytes(StandardCharsets.UTF_8).length));
		assertThat(small.header("Transfer-Encoding")).isNull();
		// a seat map far larger than any buffer on the way arrives whole, in seat-map order
		var event = this.http.newEvent(Api.uniqueName("Large"), 26, 100);
		var large = this.http.post("eventSeats", "{\"eventId\":\"" + event + "\"}", null);
		assertThat(large.status()).isEqualTo(200);
		assertThat(large.body().length()).isGreaterThan(100_000);
		var seats = large.json().get("seats");
		assertThat(seats).hasSize(2600);
		assertThat(seats.get(0).get("seat").asString()).isEqualTo("A1");
		assertThat(seats.get(2599).get("seat").asString()).isEqualTo("Z100");
		assertThat(large.contentType()).startsWith("application/json");
	}

	@Test
	void personalRepliesAreNeverCached() {
		var user = this.http.newUser(Api.uniqueName("private"));
		for (var function : List.of("myBookings", "currentUser")) {
			assertThat(this.http.post(function, "{}", user).header("Cache-Control")).as(function).isEqualTo("no-store");
		}
		assertThat(this.http.post("dashboard", "{}", this.admin).header("Cache-Control")).isEqualTo("no-store");
		assertThat(this.http.get("/admin/export.csv", "Authorization", "Bearer " + this.admin).header("Cache-Control"))
			.isEqualTo("no-store");
		assertThat(this.http.post("myBookings", "{}", "made-up").header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void forwardedHeadersAreIgnoredUnlessAProxyIsConfigured() {
		var username = Api.uniqueName("direct");
		this.http.newUser(username);
		var reply = this.http.call("login", Map.of("username", username, "password", "password-1"), "Seatline-Session",
				"cookie", "X-Forwarded-Proto", "https");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Set-Cookie")).doesNotContain("Secure");
	}

	@Test
	void clientsThatTrickleTheirBodiesCannotHoldEveryThreadAndAreCutOff() throws Exception {
		// 220 connections from one address (127.0.0.2) send a body a byte every half second: more than Tomcat's
		// 200 threads
		var slow = new ArrayList<Socket>();
		var trickle = Executors.newSingleThreadScheduledExecutor();
		try {
			for (int i = 0; i < 220; i++) {
				var socket = new Socket();
				socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
				socket.getOutputStream()
					.write(("POST /ping HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
							+ "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
				slow.add(socket);
			}
			trickle.scheduleAtFixedRate(() -> slow.forEach((socket) -> {
				try {
					socket.getOutputStream().write(' ');
				}
				catch (IOException ex) {
					// cut off by the runner: as expected
				}
			}), 0, 500, TimeUnit.MILLISECONDS);
			Thread.sleep(2000);

			// a normal client (another address) is served at once
			var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			long started = System.nanoTime();
			var reply = client.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/browseEvents"))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(reply.statusCode()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

			// every slow client is answered within the body timeout (10 s): refused at once, or cut off
			int refused = 0;
			int cutOff = 0;
			for (var socket : slow) {
				socket.setSoTimeout(20_000);
				var answer = readAnswer(socket.getInputStream());
				assertThat(answer).contains("application/json");
				if (answer.startsWith("HTTP/1.1 429")) {
					assertThat(answer).contains("\"error\":\"TOO_MANY_REQUESTS\"");
					refused++;
				}
				else {
					assertThat(answer).startsWith("HTTP/1.1 400").contains("\"error\":\"INVALID_REQUEST\"");
					cutOff++;
				}
			}
			assertThat(refused).isGreaterThanOrEqualTo(100);
			assertThat(cutOff).isGreaterThan(0);
		}
		finally {
			trickle.shutdownNow();
			for (var socket : slow) {
				socket.close();
			}
		}
	}

	private String raw(String request) throws IOException {
		try (var socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The status line, headers and as much of the body as arrives before the connection ends. */
	private static String readAnswer(InputStream in) throws IOException {
		var answer = new StringBuilder();
		var buffer = new byte[4096];
		int read;
		try {
			while ((read = in.read(buffer)) != -1) {
				answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
				if (answer.toString().contains("\"}")) {
					break;
				}
			}
		}
		catch (IOException ex) {
			// reset after the answer: what arrived is enough
		}
		return answer.toString();
	}


}
