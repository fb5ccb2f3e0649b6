package io.seatline.runner.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seatline.runner.Api;
import io.seatline.runner.StripeDeliveries;
import io.seatline.runner.StripeStandInSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.seatline.runner.web.PricesBrowserTests.pricedEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying by card in real headless Chromium, with Stripe's API and its hosted checkout page played by a local
 * stand-in and its webhook deliveries signed with a test secret: "Pay by card" sends the browser to Stripe's page,
 * the return page says a declined card was declined and offers another try, and shows the booking reference once
 * Stripe's delivery of the payment confirmed the hold, without a reload.
 */
class CardCheckoutBrowserTests extends StripeStandInSupport {

	@Test
	void aBuyerPaysByCardIsDeclinedOnceAndSeesTheBookingWhenTheNextCardIsPaid() {
		var api = api();
		var eventId = pricedEvent(api);
		var payPage = stripe.baseUrl() + "/c/pay/cs_test_http";
		stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson("""
				{"id": "cs_test_http", "object": "checkout.session", "url": "%s"}""".formatted(payPage))));
		stripe.stubFor(get("/c/pay/cs_test_http").willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody("<!doctype html><title>Stripe stand-in</title><link rel=icon href='data:,'><p>Pay here</p>")));
		var buyer = Api.uniqueName("card");
		api.newUser(buyer);
		try (var a = Browser.open(api.base(), 1280, 1200)) {
			a.signIn(buyer, "password-1");
			a.go("/event.html?id=" + eventId);
			a.waitUntilLive();
			a.seat("B1").click();
			assertThat(a.find("#book").getText()).isEqualTo("Hold and pay");
			a.find("#book").click();
			a.waitFor("#pay-card").click();
			a.waitUntil(Duration.ofSeconds(5), (driver) -> payPage.equals(driver.getCurrentUrl()));
			// Stripe is told to send the buyer back to the return page
			stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
				.withRequestBody(containing("checkout.html")));
			var holdId = api.ok("myHolds", Map.of(), api.login(buyer, "password-1")).get(0).get("holdId")
				.asString();

			assertThat(StripeDeliveries.deliver(api, StripeDeliveries.declined(holdId, "Your card has insufficient funds."),
					SECRET).status()).isEqualTo(200);
			a.go("/checkout.html?hold=" + holdId);
			assertThat(a.waitFor("#checkout-message.error").getText()).isEqualTo("Your card was declined. "
					+ "Stripe says: “Your card has insufficient funds.” Nothing was charged. "
					+ "You can try again while your seats are held.");
			assertThat(a.find("#countdown").getText()).matches("(09|10):[0-5][0-9]");
			a.screenshot("checkout-card-declined");
			a.find("#pay-again").click();
			a.waitUntil(Duration.ofSeconds(5), (driver) -> payPage.equals(driver.getCurrentUrl()));

			// back from Stripe before its delivery arrived: the page waits, then shows the booking
			a.go("/checkout.html?hold=" + holdId);
			a.waitFor("#countdown");
			assertThat(StripeDeliveries.deliver(api, StripeDeliveries.paid(holdId, 2000), SECRET).status())
				.isEqualTo(200);
			var reference = a.waitFor("#checkout-message.ok #booking-reference").getText();
			assertThat(reference).isEqualTo(api.ok("holdStatus", Map.of("holdId", holdId),
					api.adminToken()).get("reference").asString());
			assertThat(a.find("#checkout-heading").getText()).isEqualTo("Booked");
			assertThat(PricesBrowserTests.spaced(a.find("#checkout-message").getText()))
				.startsWith("Booked: B1, EUR 20.00. Booking reference " + reference);
			a.screenshot("checkout-card-booked");
			assertThat(a.consoleProblems()).isEmpty();
		}
	}
}
