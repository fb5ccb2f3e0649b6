package io.seatline.embedding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seatline.engine.error.Busy;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.functions.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application that is not the runner adds the functions jar and finds every function of the contract in its
 * catalog, working against its own SQLite file.
 */
@SpringBootTest(classes = EmbeddingApplication.class,
		properties = { "ADMIN_PASSWORD=admin-password-1", "seatline.jobs.outbox-dir=target/outbox" })
class EmbeddingAppTests {

	private static final String DATABASE = "jdbc:sqlite:target/test-databases/embedding-"
			+ java.util.UUID.randomUUID() + ".db";

	private static final List<String> CONTRACT = List.of("register", "login", "browseEvents", "eventSeats",
			"eventReviews", "reserveSeats", "myBookings", "cancelBooking", "submitReview", "createVenue",
			"createEvent", "dashboard", "exportBookings");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", () -> DATABASE);
	}

	@Autowired
	FunctionCatalog catalog;

	@Autowired
	FunctionInvoker invoker;

	@Test
	void everyFunctionOfTheContractIsInTheCatalog() {
		for (var name : CONTRACT) {
			assertThat((Object) this.catalog.lookup(name)).as(name).isNotNull();
		}
		assertThat(this.invoker.functionNames()).containsAll(CONTRACT).doesNotContain("functionRouter");
	}

	@Test
	void aBookingMadeThroughTheCatalogIsOnTheSeatMap() {
		var event = eventOnSale("Embedded", "\"rows\":2,\"seatsPerRow\":2");
		var user = newUser("embedder");

		// straight through the catalog, as any Spring Cloud Function host would
		var text = throughTheCatalog("reserveSeats|eventSeats",
				"{\"eventId\":\"" + event + "\",\"seats\":[\"A1\",\"B2\"]}", user, null);
		assertThat(text).contains("{\"seat\":\"A1\",\"status\":\"BOOKED\",", "{\"seat\":\"B2\",\"status\":\"BOOKED\",",
				"{\"seat\":\"A2\",\"status\":\"AVAILABLE\",");
	}

	@Test
	void anEmbedderThatSendsABookingTwiceWithOneIdempotencyKeyHeaderBooksOnceAndHearsTheSameAnswer() {
		var event = eventOnSale("Retry", "\"rows\":1,\"seatsPerRow\":3");
		var user = newUser("retrier");
		var answers = new java.util.ArrayList<String>();
		for (int send = 0; send < 2; send++) {
			answers.add(throughTheCatalog("reserveSeats", "{\"eventId\":\"" + event + "\",\"seats\":[\"A1\"]}",
					user, "embedded-click-1"));
		}
		assertThat(answers.get(0)).contains("\"seats\":[\"A1\"]");
		assertThat(answers.get(1)).isEqualTo(answers.get(0));
		assertThat(this.invoker.toJson(this.invoker.invoke("myBookings", null, user).payload()))
			.containsOnlyOnce("\"bookingId\"");
	}

	@Test
	void aCompositionThatFailsAtItsSecondStepChangesNothing() {
		var admin = token("admin", "admin-password-1");
		// createVenue succeeds, then createEvent refuses (no startsAt): the venue must not remain
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> this.invoker.invoke("createVenue,createEvent",
				"{\"name\":\"Rolled Back Hall\",\"capacity\":10}".getBytes(StandardCharsets.UTF_8), admin));
		var venues = this.invoker.toJson(this.invoker.invoke("listVenues", null, null).payload());
		assertThat(venues).doesNotContain("Rolled Back Hall");
	}

	@Test
	void aDatabaseThatStaysLockedIsBusyNotAnUnexpectedFailure() {
		assertThatExceptionOfType(Busy.class).isThrownBy(() -> this.invoker.invoke("lockedOut", null, null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("BUSY"));
	}

	@Test
	void anUnknownFunctionIsNotFound() {
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.invoker.invoke("nope", null, null));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.invoker.invoke("browseEvents,", null, null));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.invoker.invoke("functionRouter", null, null));
	}

	@Test
	void aBodyOfTheWrongShapeIsAnInvalidRequestNamingTheField() {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.invoker.invoke("eventSeats", "{\"eventId\":".getBytes(), null))
			.satisfies((ex) -> assertThat(ex.field()).isNull());
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.invoker.invoke("reserveSeats", "{\"eventId\":\"e\",\"seats\":{}}".getBytes(), "x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("seats"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.invoker.invoke("submitReview", "{\"eventId\":\"e\",\"rating\":4.5}".getBytes(), "x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("rating"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.invoker.invoke("browseEvents", "[1,2]".getBytes(), null));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.invoker.invoke("browseEvents", "{} {}".getBytes(), null));
	}

	/** A new venue ({@code seats} as createVenue's fields) with an event on sale there; its id. */
	private String eventOnSale(String name, String seats) {
		var admin = token("admin", "admin-password-1");
		var venue = json("createVenue", "{\"name\":\"" + name + " Hall\"," + seats + "}", admin);
		return (String) json("createEvent", "{\"venueId\":\"" + venue.get("venueId") + "\",\"name\":\"" + name
				+ " Show\",\"startsAt\":\"2099-01-01T20:00:00+01:00\"}", admin).get("eventId");
	}

	/** Registers the user (password {@code password-1}) and signs in; the token. */
	private String newUser(String username) {
		json("register", "{\"username\":\"" + username + "\",\"email\":\"" + username
				+ "@example.org\",\"password\":\"password-1\"}", null);
		return token(username, "password-1");
	}

	/** Applies a function of the catalog to a JSON message, with the idempotency key header when one is given. */
	@SuppressWarnings("unchecked")
	private String throughTheCatalog(String definition, String body, String token, String idempotencyKey) {
		var request = MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", "application/json")
			.setHeader("authorization", "Bearer " + token);
		if (idempotencyKey != null) {
			request.setHeader(FunctionInvoker.IDEMPOTENCY_KEY, idempotencyKey);
		}
		var function = (java.util.function.Function<Object, Object>) this.catalog.lookup(definition);
		Object result = function.apply(request.build());
		var payload = (result instanceof Message<?> message) ? message.getPayload() : result;
		return (payload instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
				: this.invoker.toJson(payload);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> json(String function, String body, String token) {
		var payload = this.invoker.invoke(function, body.getBytes(StandardCharsets.UTF_8), token).payload();
		return (Map<String, Object>) new tools.jackson.databind.json.JsonMapper().readValue(this.invoker.toJson(payload),
				Map.class);
	}

	private String token(String username, String password) {
		return (String) json("login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null)
			.get("token");
	}
}
