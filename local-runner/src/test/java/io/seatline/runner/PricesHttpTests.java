package io.seatline.runner;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Prices over HTTP against a real SQLite file: a venue's price categories, an event's prices, the seat map's legend,
 * what bookings cost, the dashboard's revenue, the CSV with and without its price columns, and the refusals of bad
 * input, which change nothing.
 */
class PricesHttpTests extends RunnerTestSupport {

	Api http;

	String admin;

	@BeforeEach
	void signIn() {
		this.http = api();
		this.admin = this.http.adminToken();
	}

	@Test
	void theSeatMapShowsEachSeatsCategoryAndPriceAndABookingWhatItCost() {
		var event = pricedEvent();
		var map = this.http.ok("eventSeats", Map.of("eventId", event), null);
		assertThat(map.get("currency").asString()).isEqualTo("EUR");
		assertThat(map.get("categories").toString()).isEqualTo("[{\"name\":\"Premium\",\"colour\":\"#d4af37\","
				+ "\"price\":4500},{\"name\":\"Box\",\"colour\":\"#3366cc\",\"price\":6000},{\"name\":\"Standard\","
				+ "\"colour\":\"#2e8b57\",\"price\":2000}]");
		assertThat(map.get("seats").get(0).toString())
			.isEqualTo("{\"seat\":\"A1\",\"status\":\"AVAILABLE\",\"category\":\"Premium\",\"price\":4500}");
		assertThat(map.get("seats").get(6).toString())
			.isEqualTo("{\"seat\":\"C1\",\"status\":\"AVAILABLE\",\"category\":\"Box\",\"price\":6000}");
		assertThat(map.get("seats").get(8).toString())
			.isEqualTo("{\"seat\":\"C3\",\"status\":\"AVAILABLE\",\"category\":\"Standard\",\"price\":2000}");

		var buyer = this.http.newUser(Api.uniqueName("payer"));
		var booking = paidFor(buyer, event, "A1", "C1", "C3");
		assertThat(booking.get("amount").asLong()).isEqualTo(12500);
		assertThat(booking.get("currency").asString()).isEqualTo("EUR");
		assertThat(booking.get("seatPrices").toString()).isEqualTo("{\"A1\":4500,\"C1\":6000,\"C3\":2000}");
		var mine = this.http.ok("myBookings", Map.of(), buyer);
		assertThat(mine.get(0).get("amount").asLong()).isEqualTo(12500);
		assertThat(mine.get(0).get("seatPrices").toString()).isEqualTo("{\"A1\":4500,\"C1\":6000,\"C3\":2000}");
		// the map says the seat is taken and keeps its price
		assertThat(this.http.ok("eventSeats", Map.of("eventId", event), null).get("seats").get(0).toString())
			.isEqualTo("{\"seat\":\"A1\",\"status\":\"BOOKED\",\"category\":\"Premium\",\"price\":4500}");

		// a new price: the seat map shows it at once, the booking keeps what it cost
		var updated = new LinkedHashMap<String, Object>();
		updated.put("eventId", event);
		updated.put("prices", Map.of("Premium", 5000));
		this.http.ok("updateEvent", updated, this.admin);
		assertThat(this.http.ok("eventSeats", Map.of("eventId", event), null).get("seats").get(1).toString())
			.isEqualTo("{\"seat\":\"A2\",\"status\":\"AVAILABLE\",\"category\":\"Premium\",\"price\":5000}");
		assertThat(this.http.ok("myBookings", Map.of(), buyer).get(0).get("amount").asLong()).isEqualTo(12500);

		var line = this.http.ok("dashboard", Map.of("eventId", event), this.admin).get("events").get(0);
		assertThat(line.get("revenue").asLong()).isEqualTo(12500);
		assertThat(line.get("currency").asString()).isEqualTo("EUR");
	}

	@Test
	void theExportKeepsTheContractsHeaderUnlessPricesAreAskedFor() {
		var event = pricedEvent();
		var buyer = Api.uniqueName("exporter");
		var booking = paidFor(this.http.newUser(buyer), event, "B2", "C2").get("bookingId").asString();

		var plain = this.http.post("exportBookings", Api.toJson(Map.of("eventId", event)), this.admin);
		assertThat(plain.status()).isEqualTo(200);
		assertThat(lines(plain.body())).first()
			.isEqualTo("booking_id,username,event,event_date,seats,booked_at,status");
		assertThat(lines(plain.body()).get(1)).startsWith(booking + "," + buyer + ",").endsWith(",B2 C2,"
				+ lines(plain.body()).get(1).split(",")[5] + ",CONFIRMED");
		var priced = this.http.post("exportBookings", Api.toJson(Map.of("eventId", event, "prices", true)),
				this.admin);
		assertThat(lines(priced.body())).first()
			.isEqualTo("booking_id,username,event,event_date,seats,booked_at,status,currency,amount");
		assertThat(lines(priced.body()).get(1)).startsWith(booking + ",").endsWith(",CONFIRMED,EUR,10500");
		var unpriced = this.http.post("exportBookings", Api.toJson(Map.of("eventId", event, "prices", false)),
				this.admin);
		assertThat(unpriced.body()).isEqualTo(plain.body());

		var auth = new String[] { "Authorization", "Bearer " + this.admin };
		var download = this.http.get("/admin/export.csv?eventId=" + event, auth);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(plain.body());
		var pricedDownload = this.http.get("/admin/export.csv?prices=true&eventId=" + event, auth);
		assertThat(pricedDownload.status()).isEqualTo(200);
		assertThat(pricedDownload.body()).isEqualTo(priced.body());
		assertField(this.http.get("/admin/export.csv?prices=yes&eventId=" + event, auth), "prices");
	}

	@Test
	void aVenueAndAnEventCreatedWithoutPricesAreFree() {
		var event = this.http.newEvent("Free show", 1, 2);
		var map = this.http.ok("eventSeats", Map.of("eventId", event), null);
		assertThat(map.get("categories").toString())
			.isEqualTo("[{\"name\":\"Standard\",\"colour\":\"#2e8b57\",\"price\":0}]");
		assertThat(map.get("seats").get(0).get("price").asLong()).isZero();
		var booking = this.http.reserve(this.http.newUser(Api.uniqueName("free")), event, "A1");
		assertThat(booking.get("amount").asLong()).isZero();
	}

	@Test
	void badCategoriesAndPricesAreInvalidAndChangeNothing() {
		var venues = this.http.ok("listVenues", Map.of(), this.admin).size();
		var name = Api.uniqueName("Refused hall");
		assertField(createVenue(name, List.of(Map.of("name", "Front", "colour", "red", "rows", "A"))), "colour");
		assertField(createVenue(name, List.of(Map.of("name", "Front", "colour", "#ff0000", "rows", "A-B"),
				Map.of("name", "Box", "colour", "#00ff00", "seats", List.of("B2")))), "categories");
		assertField(createVenue(name, List.of(Map.of("name", "Front", "colour", "#ff0000", "rows", "A-Z"))), "rows");
		assertField(createVenue(name, List.of(Map.of("name", "Box", "colour", "#ff0000", "seats", List.of("Q1")))),
				"seats");
		assertError(this.http.post("createVenue", "{\"name\":\"" + name + "\",\"rows\":3,\"seatsPerRow\":3,"
				+ "\"categories\":[{\"name\":\"Box\",\"colour\":\"#ff0000\",\"seats\":\"A1 A2\"}]}", this.admin), 400,
				"INVALID_REQUEST");
		assertThat(this.http.ok("listVenues", Map.of(), this.admin).size()).isEqualTo(venues);

		var event = pricedEvent();
		var venueId = this.http.ok("eventSeats", Map.of("eventId", event), null).get("venue").get("venueId")
			.asString();
		var events = this.http.ok("dashboard", Map.of(), this.admin).get("events").size();
		assertField(createEvent(venueId, "EUR", Map.of("Premium", -1, "Box", 1, "Standard", 1)), "prices");
		assertField(createEvent(venueId, "EUR", Map.of("Premium", 1, "Box", 1, "Standard", 1, "Balcony", 1)),
				"prices");
		assertField(createEvent(venueId, "EURO", Map.of("Premium", 1, "Box", 1, "Standard", 1)), "currency");
		assertField(createEvent(venueId, "EUR", Map.of("Premium", 1)), "prices");
		assertError(this.http.post("createEvent", Api.toJson(createEventInput(venueId, "EUR", Map.of("Premium", 45.5,
				"Box", 1, "Standard", 1))), this.admin), 400, "INVALID_REQUEST");
		assertThat(this.http.ok("dashboard", Map.of(), this.admin).get("events").size()).isEqualTo(events);
		var edit = new LinkedHashMap<String, Object>();
		edit.put("eventId", event);
		edit.put("name", "Renamed");
		edit.put("prices", Map.of("Premium", 1, "Balcony", 1));
		assertField(this.http.post("updateEvent", Api.toJson(edit), this.admin), "prices");
		var map = this.http.ok("eventSeats", Map.of("eventId", event), null);
		assertThat(map.get("name").asString()).isEqualTo("Priced night");
		assertThat(map.get("categories").get(0).get("price").asLong()).isEqualTo(4500);
	}

	@Test
	void categoriesSetLaterApplyToTheNextEventsOfTheVenue() {
		var venue = this.http.ok("createVenue", Map.of("name", Api.uniqueName("Later hall"), "rows", 2,
				"seatsPerRow", 2), this.admin).get("venueId").asString();
		var set = this.http.ok("setVenueCategories", Map.of("venueId", venue, "categories",
				List.of(Map.of("name", "Front", "colour", "#123456", "rows", "A"))), this.admin);
		assertThat(set.toString()).isEqualTo("{\"venueId\":\"" + venue + "\",\"categories\":[{\"name\":\"Front\","
				+ "\"colour\":\"#123456\",\"rows\":\"A\"},{\"name\":\"Standard\",\"colour\":\"#2e8b57\"}]}");
		var event = this.http.ok("createEvent", createEventInput(venue, null, Map.of("Front", 3000, "Standard", 1000)),
				this.admin).get("eventId").asString();
		var seats = this.http.ok("eventSeats", Map.of("eventId", event), null).get("seats");
		assertThat(seats.get(0).get("category").asString()).isEqualTo("Front");
		assertThat(seats.get(3).get("price").asLong()).isEqualTo(1000);
		assertError(this.http.post("setVenueCategories", Api.toJson(Map.of("venueId", "nope", "categories",
				List.of())), this.admin), 404, "NOT_FOUND");
		assertError(this.http.post("setVenueCategories", Api.toJson(Map.of("venueId", venue, "categories",
				List.of())), this.http.newUser(Api.uniqueName("notadmin"))), 403, "FORBIDDEN");
	}

	/** Rows A-B Premium, seats C1 C2 Box, the rest Standard; EUR 45.00, 60.00 and 20.00. */
	/**
	 * The seats held by the buyer and paid for at the box office (a buyer's reserveSeats is refused for seats that
	 * cost money): the booking.
	 */
	private JsonNode paidFor(String buyer, String event, String... seats) {
		var hold = this.http.ok("holdSeats", Map.of("eventId", event, "seats", List.of(seats)), buyer);
		return this.http.ok("confirmHold", Map.of("holdId", hold.get("holdId").asString(), "paidAtBoxOffice", true),
				this.admin);
	}

	private String pricedEvent() {
		var venue = createVenue(Api.uniqueName("Priced hall"),
				List.of(Map.of("name", "Premium", "colour", "#D4AF37", "rows", "A-B"),
						Map.of("name", "Box", "colour", "#3366cc", "seats", List.of("C1", "c2"))));
		assertThat(venue.status()).as(venue.body()).isEqualTo(200);
		var created = createEvent(venue.json().get("venueId").asString(), "EUR",
				Map.of("Premium", 4500, "Box", 6000, "Standard", 2000));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().get("eventId").asString();
	}

	private Api.Reply createVenue(String name, List<Map<String, Object>> categories) {
		var venue = new LinkedHashMap<String, Object>();
		venue.put("name", name);
		venue.put("rows", 4);
		venue.put("seatsPerRow", 3);
		venue.put("categories", categories);
		return this.http.post("createVenue", Api.toJson(venue), this.admin);
	}

	private Api.Reply createEvent(String venueId, String currency, Map<String, ?> prices) {
		return this.http.post("createEvent", Api.toJson(createEventInput(venueId, currency, prices)), this.admin);
	}

	private static Map<String, Object> createEventInput(String venueId, String currency, Map<String, ?> prices) {
		var event = new LinkedHashMap<String, Object>();
		event.put("venueId", venueId);
		event.put("name", "Priced night");
		event.put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(30).withNano(0).toString());
		if (currency != null) {
			event.put("currency", currency);
		}
		event.put("prices", prices);
		return event;
	}

	private static List<String> lines(String csv) {
		return csv.replace("\uFEFF", "").lines().toList();
	}

}
