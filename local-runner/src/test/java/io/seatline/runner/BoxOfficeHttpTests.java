package io.seatline.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.seatline.runner.Api.assertError;
import static io.seatline.runner.Api.assertField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The box office over HTTP against a real SQLite file: {@code blockSeats}, {@code unblockSeats}, {@code adminSeatMap},
 * {@code findBookings}, {@code cancelBookingFor} and the audit log ({@code auditLog}, {@code exportAuditLog},
 * {@code GET /admin/audit.csv}), each with its success and its refusals.
 */
class BoxOfficeHttpTests extends RunnerTestSupport {

	private static final String REFERENCE = "[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}";

	Api http;

	String admin;

	@BeforeEach
	void signIn() {
		this.http = api();
		this.admin = this.http.adminToken();
	}

	@Test
	void blockedSeatsCannotBeBookedUntilUnblocked() {
		var event = this.http.newEvent("Blocked show", 1, 4);
		var blocked = this.http.ok("blockSeats", seats(event, "a3", "A1"), this.admin);
		assertThat(blocked.get("eventId").asString()).isEqualTo(event);
		assertThat(blocked.get("seats").toString()).isEqualTo("[\"A1\",\"A3\"]");
		assertThat(blocked.get("status").asString()).isEqualTo("BLOCKED");
		assertThat(statuses(event)).containsExactly("BLOCKED", "AVAILABLE", "BLOCKED", "AVAILABLE");
		var buyer = this.http.newUser(Api.uniqueName("blockedout"));
		var refused = this.http.post("reserveSeats", Api.toJson(seats(event, "A1")), buyer);
		assertError(refused, 409, "SEATS_UNAVAILABLE");
		assertThat(refused.json().get("seats").toString()).isEqualTo("[\"A1\"]");

		var unblocked = this.http.ok("unblockSeats", seats(event, "A1"), this.admin);
		assertThat(unblocked.get("status").asString()).isEqualTo("AVAILABLE");
		assertThat(unblocked.get("seats").toString()).isEqualTo("[\"A1\"]");
		this.http.reserve(buyer, event, "A1");
		assertThat(statuses(event)).containsExactly("BOOKED", "AVAILABLE", "BLOCKED", "AVAILABLE");
		var dashboard = this.http.ok("dashboard", Map.of("eventId", event), this.admin);
		assertThat(dashboard.get("availableSeats").asInt()).isEqualTo(2);
	}

	@Test
	void blockingASoldSeatAndUnblockingAnAvailableOneAreRefusedAndChangeNothing() {
		var event = this.http.newEvent("Sold show", 1, 4);
		this.http.reserve(this.http.newUser(Api.uniqueName("early")), event, "A2");
		var sold = this.http.post("blockSeats", Api.toJson(seats(event, "A1", "A2")), this.admin);
		assertError(sold, 409, "SEATS_UNAVAILABLE");
		assertThat(sold.json().get("seats").toString()).isEqualTo("[\"A2\"]");
		var available = this.http.post("unblockSeats", Api.toJson(seats(event, "A1")), this.admin);
		assertError(available, 409, "CONFLICT");
		assertThat(available.json().get("seats").toString()).isEqualTo("[\"A1\"]");
		assertField(this.http.post("blockSeats", Api.toJson(seats(event, "A1", "Z9")), this.admin), "seats");
		assertField(this.http.post("unblockSeats", Api.toJson(seats(event)), this.admin), "seats");
		assertField(this.http.post("blockSeats", "{\"eventId\":\"" + event + "\",\"seats\":\"A1\"}", this.admin),
				"seats");
		assertThat(statuses(event)).containsExactly("AVAILABLE", "BOOKED", "AVAILABLE", "AVAILABLE");
	}

	@Test
	void onlyAnAdminUsesTheBoxOfficeAndUnknownEventsAreNotFound() {
		var event = this.http.newEvent("Guarded show", 1, 2);
		var user = this.http.newUser(Api.uniqueName("curious"));
		var calls = Map.of("blockSeats", Api.toJson(seats(event, "A1")), "unblockSeats",
				Api.toJson(seats(event, "A1")), "adminSeatMap", Api.toJson(Map.of("eventId", event)), "findBookings",
				Api.toJson(Map.of("eventId", event)), "cancelBookingFor",
				Api.toJson(Map.of("bookingId", "nosuchbooking", "reason", "Why not")));
		calls.forEach((function, body) -> {
			assertError(this.http.post(function, body, null), 401, "UNAUTHENTICATED");
			assertError(this.http.post(function, body, user), 403, "FORBIDDEN");
		});
		for (var function : List.of("blockSeats", "unblockSeats")) {
			assertError(this.http.post(function, Api.toJson(seats("nosuchevent00", "A1")), this.admin), 404,
					"NOT_FOUND");
		}
		assertError(this.http.post("adminSeatMap", "{\"eventId\":\"nosuchevent00\"}", this.admin), 404, "NOT_FOUND");
		assertField(this.http.post("adminSeatMap", "{}", this.admin), "eventId");
		assertError(this.http.post("findBookings", "{\"eventId\":\"nosuchevent00\"}", this.admin), 404, "NOT_FOUND");
		assertError(this.http.post("cancelBookingFor", "{\"bookingId\":\"nosuchbooking\",\"reason\":\"Why\"}",
				this.admin), 404, "NOT_FOUND");
		assertError(this.http.post("cancelBookingFor", "{\"reference\":\"ZZZZ-ZZZZ\",\"reason\":\"Why\"}", this.admin),
				404, "NOT_FOUND");
		assertThat(statuses(event)).containsOnly("AVAILABLE");
	}

	@Test
	void theAdminSeatMapShowsTheReferenceBookingAndBuyerOfSoldSeats() {
		var event = this.http.newEvent("Mapped show", 1, 3);
		var buyerName = Api.uniqueName("mapped");
		var booking = this.http.reserve(this.http.newUser(buyerName), event, "A2");
		this.http.ok("blockSeats", seats(event, "A3"), this.admin);
		var map = this.http.ok("adminSeatMap", Map.of("eventId", event), this.admin);
		assertThat(map.get("eventId").asString()).isEqualTo(event);
		assertThat(map.get("name").asString()).isEqualTo("Mapped show");
		var seats = map.get("seats");
		assertThat(seats.get(0).toString()).isEqualTo("{\"seat\":\"A1\",\"status\":\"AVAILABLE\"}");
		assertThat(seats.get(1).get("status").asString()).isEqualTo("BOOKED");
		assertThat(seats.get(1).get("reference").asString()).isEqualTo(booking.get("reference").asString());
		assertThat(seats.get(1).get("bookingId").asString()).isEqualTo(booking.get("bookingId").asString());
		assertThat(seats.get(1).get("username").asString()).isEqualTo(buyerName);
		assertThat(seats.get(2).toString()).isEqualTo("{\"seat\":\"A3\",\"status\":\"BLOCKED\"}");
	}

	@Test
	void bookingsAreFoundByReferenceUsernameOrEvent() {
		var event = this.http.newEvent("Searched show", 1, 4);
		var buyerName = Api.uniqueName("Searched");
		var buyer = this.http.newUser(buyerName);
		var first = this.http.reserve(buyer, event, "A1", "A2");
		var second = this.http.reserve(this.http.newUser(Api.uniqueName("other")), event, "A3");
		var reference = first.get("reference").asString();
		assertThat(reference).matches(REFERENCE);

		var typed = reference.substring(0, 4).toLowerCase() + "-" + reference.substring(4).toLowerCase();
		var byReference = this.http.ok("findBookings", Map.of("reference", typed), this.admin);
		assertThat(byReference).hasSize(1);
		var found = byReference.get(0);
		assertThat(found.get("bookingId").asString()).isEqualTo(first.get("bookingId").asString());
		assertThat(found.get("reference").asString()).isEqualTo(reference);
		assertThat(found.get("eventId").asString()).isEqualTo(event);
		assertThat(found.get("eventName").asString()).isEqualTo("Searched show");
		assertThat(found.get("username").asString()).isEqualTo(buyerName);
		assertThat(found.get("seats").toString()).isEqualTo("[\"A1\",\"A2\"]");
		assertThat(found.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(found.get("createdAt").asString()).endsWith("Z");

		var byUser = this.http.ok("findBookings", Map.of("username", buyerName.toUpperCase()), this.admin);
		assertThat(byUser.findValues("reference")).extracting(JsonNode::asString).containsExactly(reference);
		var byEvent = this.http.ok("findBookings", Map.of("eventId", event), this.admin);
		assertThat(byEvent.findValues("bookingId")).extracting(JsonNode::asString)
			.containsExactly(second.get("bookingId").asString(), first.get("bookingId").asString());
		assertThat(this.http.ok("findBookings", Map.of("username", "nobody-at-all"), this.admin)).isEmpty();
		assertField(this.http.post("findBookings", "{}", this.admin), "reference");
		assertField(this.http.post("findBookings", "{\"reference\":\"0000OOOO\"}", this.admin), "reference");
	}

	@Test
	void theBoxOfficeCancelsForTheCustomerWithTheReasonInTheirEmail() throws Exception {
		var event = this.http.newEvent("Cancelled show", 1, 3);
		var buyer = this.http.newUser(Api.uniqueName("refunded"));
		var booking = this.http.reserve(buyer, event, "A1", "A3");
		var reference = booking.get("reference").asString();
		assertField(this.http.post("cancelBookingFor", Api.toJson(Map.of("reference", reference)), this.admin),
				"reason");
		assertField(this.http.post("cancelBookingFor",
				Api.toJson(Map.of("reference", reference, "reason", "x".repeat(501))), this.admin), "reason");
		assertField(this.http.post("cancelBookingFor", "{\"reason\":\"Why\"}", this.admin), "bookingId");

		var cancelled = this.http.ok("cancelBookingFor",
				Map.of("reference", reference.toLowerCase(), "reason", " The orchestra is ill "), this.admin);
		assertThat(cancelled.get("bookingId").asString()).isEqualTo(booking.get("bookingId").asString());
		assertThat(cancelled.get("reference").asString()).isEqualTo(reference);
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("cancelReason").asString()).isEqualTo("The orchestra is ill");
		assertThat(statuses(event)).containsOnly("AVAILABLE");
		var mine = this.http.ok("myBookings", "{}", buyer).get(0);
		assertThat(mine.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(mine.get("reference").asString()).isEqualTo(reference);

		var again = this.http.post("cancelBookingFor",
				Api.toJson(Map.of("bookingId", booking.get("bookingId").asString(), "reason", "Twice")), this.admin);
		assertError(again, 409, "CONFLICT");
		assertError(this.http.post("cancelBooking", Api.toJson(Map.of("bookingId", booking.get("bookingId").asString())),
				buyer), 409, "CONFLICT");

		// one cancellation email, sent by the runner's worker, quoting the reason
		var email = Path.of("target", "outbox",
				"booking-cancelled." + booking.get("bookingId").asString() + "_localhost.eml");
		var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!Files.exists(email) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(Files.readString(email, StandardCharsets.UTF_8)).contains("Reason: The orchestra is ill")
			.contains(reference);
	}

	@Test
	void theAuditLogShowsWhoDidWhatToABookingAndAnEventForAdminsOnlyAndAsCsv() {
		var event = this.http.newEvent("Audited show", 1, 4);
		var buyerName = Api.uniqueName("audited");
		var buyer = this.http.newUser(buyerName);
		var booking = this.http.reserve(buyer, event, "A1", "A2");
		var bookingId = booking.get("bookingId").asString();
		var reference = booking.get("reference").asString();
		this.http.ok("blockSeats", seats(event, "A4"), this.admin);
		this.http.ok("cancelBookingFor", Map.of("bookingId", bookingId, "reason", "Sold twice"), this.admin);

		var history = this.http.ok("auditLog",
				Map.of("reference", reference.substring(0, 4).toLowerCase() + " " + reference.substring(4)), this.admin);
		assertThat(history).hasSize(2);
		var cancel = history.get(0);
		assertThat(cancel.get("actor").asString()).isEqualTo("admin");
		assertThat(cancel.get("action").asString()).isEqualTo("cancelBookingFor");
		assertThat(cancel.get("eventId").asString()).isEqualTo(event);
		assertThat(cancel.get("bookingId").asString()).isEqualTo(bookingId);
		assertThat(cancel.get("reference").asString()).isEqualTo(reference);
		assertThat(cancel.get("username").asString()).isEqualTo(buyerName);
		assertThat(cancel.get("summary").asString()).contains("Sold twice");
		assertThat(cancel.get("at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
		// the states are JSON objects, not text holding JSON
		assertThat(cancel.get("before").get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(cancel.get("before").get("seats").toString()).isEqualTo("[\"A1\",\"A2\"]");
		assertThat(cancel.get("after").get("reason").asString()).isEqualTo("Sold twice");
		var sale = history.get(1);
		assertThat(sale.get("actor").asString()).isEqualTo(buyerName);
		assertThat(sale.get("action").asString()).isEqualTo("reserveSeats");
		assertThat(sale.get("before").isNull()).isTrue();

		var ofEvent = this.http.ok("auditLog", Map.of("eventId", event), this.admin);
		assertThat(ofEvent.findValues("action").stream().map(JsonNode::asString).toList())
			.containsExactly("cancelBookingFor", "blockSeats", "reserveSeats", "createEvent");
		assertThat(ofEvent.get(1).has("reference")).isFalse();
		assertThat(this.http.ok("auditLog", Map.of("eventId", event, "limit", 1), this.admin)).hasSize(1);
		assertThat(this.http.ok("auditLog", Map.of("username", buyerName.toUpperCase()), this.admin)).hasSize(2);
		assertThat(this.http.ok("auditLog", Map.of("bookingId", bookingId), this.admin)).hasSize(2);

		assertError(this.http.post("auditLog", Api.toJson(Map.of("eventId", event)), buyer), 403, "FORBIDDEN");
		assertError(this.http.post("exportAuditLog", Api.toJson(Map.of("eventId", event)), buyer), 403, "FORBIDDEN");
		assertError(this.http.post("auditLog", "{}", null), 401, "UNAUTHENTICATED");
		assertError(this.http.post("auditLog", "{\"eventId\":\"nosuchevent00\"}", this.admin), 404, "NOT_FOUND");
		assertError(this.http.post("auditLog", "{\"bookingId\":\"nosuchbooking\"}", this.admin), 404, "NOT_FOUND");
		assertField(this.http.post("auditLog", "{\"limit\":0}", this.admin), "limit");
		assertField(this.http.post("auditLog", "{\"limit\":\"5\"}", this.admin), "limit");
		assertField(this.http.post("auditLog", "{\"reference\":\"0000OOOO\"}", this.admin), "reference");

		var csv = this.http.get("/admin/audit.csv?eventId=" + event, "Authorization", "Bearer " + this.admin);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("attachment").contains("audit.csv");
		var lines = csv.body().lines().toList();
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).isEqualTo("at,actor,action,event_id,booking_id,reference,username,summary,before,after");
		assertThat(lines.get(1)).contains(",admin,cancelBookingFor," + event + "," + bookingId + "," + reference + ","
				+ buyerName + ",").contains("\"{\"\"status\"\":\"\"CONFIRMED\"\"");
		assertThat(this.http.get("/admin/audit.csv?reference=" + reference + "&limit=1", "Authorization",
				"Bearer " + this.admin).body().lines()).hasSize(2);
		assertThat(this.http.post("exportAuditLog", Api.toJson(Map.of("eventId", event)), this.admin).body())
			.isEqualTo(csv.body());
		assertThat(this.http.get("/admin/audit.csv").status()).isEqualTo(401);
		assertThat(this.http.get("/admin/audit.csv?eventId=" + event, "Authorization", "Bearer " + buyer).status())
			.isEqualTo(403);
		assertThat(this.http.get("/admin/audit.csv?eventId=nosuchevent00", "Authorization", "Bearer " + this.admin)
			.status()).isEqualTo(404);
		assertThat(this.http.get("/admin/audit.csv?limit=many", "Authorization", "Bearer " + this.admin).status())
			.isEqualTo(400);
	}

	private List<String> statuses(String event) {
		return this.http.ok("eventSeats", Map.of("eventId", event), null)
			.get("seats")
			.findValues("status")
			.stream()
			.map(JsonNode::asString)
			.toList();
	}

	private static Map<String, Object> seats(String event, String... labels) {
		var body = new LinkedHashMap<String, Object>();
		body.put("eventId", event);
		body.put("seats", List.of(labels));
		return body;
	}
}
