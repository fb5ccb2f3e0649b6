package io.seatline.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The runner's functions as the benchmark calls them, over one kept-alive connection. */
final class SeatlineApi implements Closeable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpConnection connection;

	SeatlineApi(Endpoint endpoint) {
		this.connection = new HttpConnection(endpoint.host(), endpoint.port());
	}

	HttpConnection.Reply call(String function, Object body, String token) throws IOException {
		return this.connection.post("/" + function, JSON.writeValueAsBytes(body), token);
	}

	/** Calls a function that must answer 200, and returns its JSON. */
	JsonNode require(String function, Object body, String token) throws IOException {
		var reply = call(function, body, token);
		if (reply.status() != 200) {
			throw new IllegalStateException(function + " answered " + reply.status() + ": " + reply.text());
		}
		return JSON.readTree(reply.body());
	}

	String login(String username, String password) throws IOException {
		return require("login", Map.of("username", username, "password", password), null).get("token").asString();
	}

	void register(String username, String password) throws IOException {
		require("register", Map.of("username", username, "email", username + "@example.org", "password", password),
				null);
	}

	String createVenue(String admin, String name, int rows, int seatsPerRow) throws IOException {
		return require("createVenue", Map.of("name", name, "rows", rows, "seatsPerRow", seatsPerRow), admin)
			.get("venueId").asString();
	}

	/**
	 * An event whose buyers may each hold any number of its seats: the benchmark's few users stand for many buyers
	 * (the engine's default is 10 seats per account and event).
	 */
	String createEvent(String admin, String venueId, String name, Instant startsAt) throws IOException {
		return require("createEvent", Map.of("venueId", venueId, "name", name, "startsAt", startsAt.toString(),
				"description", "Created by the benchmark", "maxSeatsPerAccount", 100_000), admin)
			.get("eventId").asString();
	}

	static Map<String, Object> reservation(String eventId, List<String> seats) {
		return Map.of("eventId", eventId, "seats", seats);
	}

	@Override
	public void close() {
		this.connection.close();
	}

	/** Where a runner listens. */
	record Endpoint(String host, int port) {
	}
}
