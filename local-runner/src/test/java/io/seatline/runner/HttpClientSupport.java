package io.seatline.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the runner's function endpoints, as a curl user would call them. */
class HttpClientSupport {

	private static final JsonMapper JSON = new JsonMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	HttpClientSupport(int port) {
		this.base = "http://localhost:" + port;
	}

	Reply post(String path, String body, String token) {
		var request = HttpRequest.newBuilder(URI.create(this.base + "/" + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	Reply get(String path, String token) {
		var request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	Reply send(HttpRequest request) {
		try {
			var response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String login(String username, String password) {
		var reply = post("login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
		if (reply.status() != 200) {
			throw new IllegalStateException("login failed: " + reply.body());
		}
		return reply.json().get("token").asString();
	}

	/** Registers a user and returns a session token for it. */
	String newUser(String username) {
		var reply = post("register",
				"{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.org\",\"password\":\"pw-"
						+ username + "\"}",
				null);
		if (reply.status() != 200) {
			throw new IllegalStateException("register failed: " + reply.body());
		}
		return login(username, "pw-" + username);
	}

	record Reply(int status, String contentType, String body, HttpResponse<String> response) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String error() {
			return json().get("error").asString();
		}
	}
}
