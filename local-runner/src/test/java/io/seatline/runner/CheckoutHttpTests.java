package io.seatline.runner;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.seatline.runner.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout over HTTP, with Stripe's API played by a local stand-in and its webhook deliveries signed with a test
 * secret: a buyer holds priced seats, pays on Stripe's page, Stripe's webhook at {@code POST /webhooks/stripe}
 * confirms the hold once, and the hold's status shows the booking's reference; a forged delivery is refused.
 */
class CheckoutHttpTests extends StripeStandInSupport {

	Api http;

	String admin;

	@BeforeEach
	void signIn() {
		this.http = api();
		this.admin = this.http.adminToken();
		stripe.resetAll();
		stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson("""
				{"id": "cs_test_http", "object": "checkout.session", "url": "https://checkout.stripe.com/c/pay/cs_test_http"}""")));
	}

	@Test
	void aBuyerPaysOnStripeAndTheWebhookConfirmsTheHoldOnce() {
		var event = pricedEvent();
		var buyer = this.http.newUser(Api.uniqueName("stripe"));
		var hold = this.http.ok("holdSeats", Map.of("eventId", event, "seats", List.of("A1", "A2")), buyer);
		assertThat(hold.get("amount").asLong()).isEqualTo(9000);
		assertThat(hold.get("currency").asString()).isEqualTo("EUR");
		var holdId = hold.get("holdId").asString();
		var status = this.http.ok("holdStatus", Map.of("holdId", holdId), buyer);
		assertThat(status.get("methods").toString()).isEqualTo("[\"stripe\",\"box-office\"]");

		var payment = this.http.ok("payHold", Map.of("holdId", holdId, "method", "stripe", "returnUrl",
				this.http.base() + "/checkout.html"), buyer);
		assertThat(payment.get("payUrl").asString()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_http");
		assertThat(payment.get("status").asString()).isEqualTo("STARTED");
		// the buyer cannot confirm seats that cost money by their word alone
		assertError(this.http.post("confirmHold", Api.toJson(Map.of("holdId", holdId)), buyer), 409, "CONFLICT");

		var delivery = StripeDeliveries.paid(holdId, 9000);
		var first = StripeDeliveries.deliver(this.http, delivery, SECRET);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("outcome").asString()).isEqualTo("CONFIRMED");
		var again = StripeDeliveries.deliver(this.http, delivery, SECRET);
		assertThat(again.json().get("outcome").asString()).isEqualTo("REPEATED");

		var done = this.http.ok("holdStatus", Map.of("holdId", holdId), buyer);
		assertThat(done.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(done.get("reference").asString()).isNotBlank();
		assertThat(done.get("payments").get(0).get("status").asString()).isEqualTo("PAID");
		assertThat(this.http.ok("myBookings", Map.of(), buyer)).hasSize(1);
		assertThat(this.http.ok("eventSeats", Map.of("eventId", event), null).get("seats").get(0).get("status")
			.asString()).isEqualTo("BOOKED");
	}

	@Test
	void aForgedDeliveryIsRefusedAndChangesNothing() {
		var event = pricedEvent();
		var buyer = this.http.newUser(Api.uniqueName("forged"));
		var holdId = this.http.ok("holdSeats", Map.of("eventId", event, "seats", List.of("B1")), buyer)
			.get("holdId")
			.asString();
		this.http.ok("payHold", Map.of("holdId", holdId, "method", "stripe"), buyer);
		var delivery = StripeDeliveries.paid(holdId, 4500);
		assertError(StripeDeliveries.deliver(this.http, delivery, "whsec_forger"), 400, "INVALID_REQUEST");
		assertError(StripeDeliveries.deliver(this.http, delivery, null), 400, "INVALID_REQUEST");
		var status = this.http.ok("holdStatus", Map.of("holdId", holdId), buyer);
		assertThat(status.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(status.get("payments").get(0).get("status").asString()).isEqualTo("STARTED");
	}

	@Test
	void theBoxOfficeConfirmsAHoldItsBuyerPaidThere() {
		var event = pricedEvent();
		var buyer = this.http.newUser(Api.uniqueName("desk"));
		var holdId = this.http.ok("holdSeats", Map.of("eventId", event, "seats", List.of("C3")), buyer)
			.get("holdId")
			.asString();
		var atTheDesk = this.http.ok("payHold", Map.of("holdId", holdId, "method", "box-office"), buyer);
		assertThat(atTheDesk.get("payUrl").isNull()).isTrue();
		var paid = Map.of("holdId", holdId, "paidAtBoxOffice", true);
		assertError(this.http.post("confirmHold", Api.toJson(paid), buyer), 403, "FORBIDDEN");
		var booking = this.http.ok("confirmHold", paid, this.admin);
		assertThat(booking.get("amount").asLong()).isEqualTo(2000);
		assertThat(this.http.ok("holdStatus", Map.of("holdId", holdId), buyer).get("reference").asString())
			.isEqualTo(booking.get("reference").asString());
	}

	private String pricedEvent() {
		var venue = new LinkedHashMap<String, Object>();
		venue.put("name", Api.uniqueName("Checkout hall"));
		venue.put("rows", 3);
		venue.put("seatsPerRow", 3);
		venue.put("categories", List.of(Map.of("name", "Premium", "colour", "#D4AF37", "rows", "A-B")));
		var venueId = this.http.ok("createVenue", venue, this.admin).get("venueId").asString();
		var event = new LinkedHashMap<String, Object>();
		event.put("venueId", venueId);
		event.put("name", "Paid night");
		event.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0).toString());
		event.put("currency", "EUR");
		event.put("prices", Map.of("Premium", 4500, "Standard", 2000));
		return this.http.ok("createEvent", event, this.admin).get("eventId").asString();
	}
}
