package io.seatline.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain HTTP client of the runner's functions, for setting up what a test is not about. */
public final class Api {

	private static final AtomicInteger NAMES = new AtomicInteger();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public Api(int port) {
		this.port = port;
	}

	public String base() {
		return "http://localhost:" + this.port;
	}

	/** A reply: status, headers, and the body as JSON (null when it is not JSON). */
	public record Reply(int status, HttpResponse<String> response, JsonNode json) {

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String body() {
			return this.response.body();
		}

		public String contentType() {
			return this.response.headers().firstValue("Content-Type").orElse("");
		}

		/** The contract's error code of a refusal. */
		public String error() {
			return this.json.get("error").asString();
		}
	}

	/** Calls a function; headers alternate name, value. */
	public Reply call(String function, Object input, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(base() + "/" + function))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString((input instanceof String text) ? text : toJson(input)));
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/** Calls a function with a JSON body as text, as the token's user when a token is given. */
	public Reply post(String function, String body, String token) {
		return (token != null) ? call(function, body, "Authorization", "Bearer " + token) : call(function, body);
	}

	public Reply get(String path, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/** Calls a function as the token's user and expects success. */
	public JsonNode ok(String function, Object input, String token) {
		var reply = post(function, (input instanceof String text) ? text : toJson(input), token);
		if (reply.status() != 200) {
			throw new AssertionError(function + " answered " + reply.status() + ": " + reply.response().body());
		}
		return reply.json();
	}

	public String login(String username, String password) {
		return ok("login", Map.of("username", username, "password", password), null).get("token").asString();
	}

	public String adminToken() {
		return login("admin", RunnerTestSupport.ADMIN_PASSWORD);
	}

	/** A name no other test uses (each test run has a database of its own). */
	public static String uniqueName(String prefix) {
		return prefix + "-" + NAMES.incrementAndGet();
	}

	/** Registers a user with the password {@code password-1} and returns their token. */
	public String newUser(String username) {
		ok("register", Map.of("username", username, "email", username + "@example.org", "password", "password-1"),
				null);
		return login(username, "password-1");
	}

	/** Registers {@code prefix0}, {@code prefix1}, ... at once on the threads given; returns their tokens in order. */
	public List<String> newUsers(String prefix, int count, ExecutorService threads) throws Exception {
		var tokens = new ArrayList<Future<String>>();
		for (int i = 0; i < count; i++) {
			var name = prefix + i;
			tokens.add(threads.submit(() -> newUser(name)));
		}
		var users = new ArrayList<String>();
		for (var token : tokens) {
			users.add(token.get());
		}
		return users;
	}

	/** A venue of rows x seatsPerRow and an event there next year; returns the event id. */
	public String newEvent(String name, int rows, int seatsPerRow) {
		var admin = adminToken();
		var venue = ok("createVenue", Map.of("name", "Hall " + NAMES.incrementAndGet(), "rows", rows, "seatsPerRow",
				seatsPerRow), admin);
		var startsAt = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(30).withNano(0).toString();
		var event = new LinkedHashMap<String, Object>();
		event.put("venueId", venue.get("venueId").asString());
		event.put("name", name);
		event.put("startsAt", startsAt);
		event.put("description", "A test event");
		return ok("createEvent", event, admin).get("eventId").asString();
	}

	public JsonNode reserve(String token, String eventId, String... seats) {
		return ok("reserveSeats", Map.of("eventId", eventId, "seats", List.of(seats)), token);
	}

	/** Asserts the contract's error: the status, a JSON body with the code and a message for people. */
	public static void assertError(Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/json");
		assertThat(reply.error()).isEqualTo(code);
		assertThat(reply.json().get("message").asString()).isNotBlank();
	}

	/** Asserts a 400 {@code INVALID_REQUEST} that names the field to blame. */
	public static void assertField(Reply reply, String field) {
		assertError(reply, 400, "INVALID_REQUEST");
		JsonNode named = reply.json().get("field");
		assertThat(named).as(reply.body()).isNotNull();
		assertThat(named.asString()).isEqualTo(field);
	}

	public static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

	private Reply send(HttpRequest request) {
		try {
			var response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode json = null;
			if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
				json = JSON.readTree(response.body());
			}
			return new Reply(response.statusCode(), response, json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
