package io.seatline.engine.payment;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.seatline.engine.error.Busy;
import io.seatline.engine.error.InvalidRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter against a local stand-in of Stripe's HTTP API, with webhooks signed by a test secret. */
class StripePaymentsTests {

	private final StripeStandIn stripe = new StripeStandIn();

	private final StripePayments payments = new StripePayments(this.stripe.settings());

	@AfterEach
	void stopTheStandIn() {
		this.stripe.close();
	}

	@Test
	void startingAPaymentCreatesOneCheckoutSessionForTheHoldsTotal() {
		this.stripe.server.stubFor(post("/v1/checkout/sessions").willReturn(okJson("""
				{"id": "cs_test_1", "object": "checkout.session", "url": "https://checkout.stripe.com/c/pay/cs_test_1",
				 "client_reference_id": "hold-1", "amount_total": 4500, "currency": "eur"}""")));

		var started = this.payments
			.start(new PaymentRequest("hold-1", "Nutcracker: A1, A2", 4500, "EUR", "http://localhost/checkout"));

		assertThat(started).isEqualTo(new PaymentStarted("stripe", "cs_test_1",
				"https://checkout.stripe.com/c/pay/cs_test_1"));
		this.stripe.server.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
			.withHeader("Authorization", equalTo("Bearer " + StripeStandIn.API_KEY))
			// the same hold never starts two payments at Stripe, however often the call is repeated
			.withHeader("Idempotency-Key", equalTo("seatline-hold-hold-1"))
			.withRequestBody(containing("client_reference_id=hold-1"))
			.withRequestBody(containing("mode=payment"))
			.withRequestBody(containing("line_items[0][price_data][unit_amount]=4500")
				.or(containing("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=4500")))
			.withRequestBody(containing("currency%5D=eur").or(containing("currency]=eur"))));
	}

	@Test
	void aStripeThatStopsAnsweringIsBusyNotAFailure() {
		this.stripe.server.stubFor(post("/v1/checkout/sessions")
			.willReturn(okJson("{\"id\": \"cs_late\", \"object\": \"checkout.session\"}").withFixedDelay(10_000)));

		assertThatThrownBy(() -> this.payments.start(new PaymentRequest("hold-2", "x", 100, "EUR", "http://localhost")))
			.isInstanceOf(Busy.class)
			.hasMessageContaining("did not answer");
	}

	@Test
	void aStripeThatIsNotThereIsBusy() throws Exception {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var nowhere = new StripePayments(new StripeSettings(StripeStandIn.API_KEY, StripeStandIn.WEBHOOK_SECRET,
				"http://127.0.0.1:" + closedPort, Duration.ofSeconds(1)));

		assertThatThrownBy(() -> nowhere.start(new PaymentRequest("hold-3", "x", 100, "EUR", "http://localhost")))
			.isInstanceOf(Busy.class);
	}

	@Test
	void aWrongKeyIsTheOperatorsProblemNotBusy() {
		this.stripe.server.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Invalid API Key provided\"}}")));

		assertThatThrownBy(() -> this.payments.start(new PaymentRequest("hold-4", "x", 100, "EUR", "http://localhost")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Invalid API Key");
	}

	@Test
	void aSignedCompletedCheckoutIsAPaymentOfItsHold() {
		var payload = StripeStandIn.event("evt_1", "checkout.session.completed",
				StripeStandIn.paidSession("cs_test_1", "hold-1", "pi_1", 4500, "eur"));

		var notice = this.payments.notice(payload, StripeStandIn.signature(payload));

		assertThat(notice).isEqualTo(new PaymentNotice.Paid("evt_1", "stripe", "hold-1", "cs_test_1", "pi_1", 4500,
				"EUR"));
	}

	@Test
	void aWebhookWithABadSignatureIsRefused() {
		var payload = StripeStandIn.event("evt_2", "checkout.session.completed",
				StripeStandIn.paidSession("cs_test_2", "hold-2", "pi_2", 4500, "eur"));

		assertThatThrownBy(() -> this.payments.notice(payload,
				StripeStandIn.signature(payload, "whsec_someone_else", Instant.now())))
			.isInstanceOf(InvalidRequest.class)
			.hasMessageContaining("does not verify");
		assertThatThrownBy(() -> this.payments.notice(payload.replace("4500", "1"), StripeStandIn.signature(payload)))
			.as("a payload changed after signing")
			.isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> this.payments.notice(payload, null)).isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> this.payments.notice(payload,
				StripeStandIn.signature(payload, StripeStandIn.WEBHOOK_SECRET, Instant.now().minusSeconds(3600))))
			.as("a delivery signed an hour ago, replayed")
			.isInstanceOf(InvalidRequest.class);
	}

	@Test
	void aDeclinedCardIsAFailedPaymentOfItsHold() {
		var payload = StripeStandIn.event("evt_3", "payment_intent.payment_failed", """
				{"id": "pi_3", "object": "payment_intent", "metadata": {"holdId": "hold-3"}, "status":
				 "requires_payment_method", "last_payment_error": {"type": "card_error", "code": "card_declined",
				 "decline_code": "insufficient_funds", "message": "Your card has insufficient funds."}}""");

		var notice = this.payments.notice(payload, StripeStandIn.signature(payload));

		assertThat(notice).isEqualTo(new PaymentNotice.Failed("evt_3", "stripe", "hold-3",
				"Your card has insufficient funds."));
	}

	@Test
	void anUnpaidCompletionAndOtherEventsAreIgnored() {
		var unpaid = StripeStandIn.event("evt_4", "checkout.session.completed",
				StripeStandIn.paidSession("cs_4", "hold-4", "pi_4", 100, "eur").replace("\"paid\"", "\"unpaid\""));
		var other = StripeStandIn.event("evt_5", "customer.created",
				"{\"id\": \"cus_1\", \"object\": \"customer\"}");

		assertThat(this.payments.notice(unpaid, StripeStandIn.signature(unpaid)))
			.isEqualTo(new PaymentNotice.Ignored("evt_4", "checkout.session.completed"));
		assertThat(this.payments.notice(other, StripeStandIn.signature(other)))
			.isEqualTo(new PaymentNotice.Ignored("evt_5", "customer.created"));
	}

	@Test
	void aRefundNamesThePaymentIntentOnceWhateverTheRepeats() {
		this.stripe.server.stubFor(post("/v1/refunds")
			.willReturn(okJson("{\"id\": \"re_1\", \"object\": \"refund\", \"status\": \"succeeded\"}")));
		var paid = new PaymentNotice.Paid("evt_1", "stripe", "hold-1", "cs_1", "pi_1", 4500, "EUR");

		this.payments.refund(paid);

		this.stripe.server.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
			.withHeader("Idempotency-Key", equalTo("seatline-refund-cs_1"))
			.withRequestBody(containing("payment_intent=pi_1")));
	}

	@Test
	void refundingAPaymentAlreadyRefundedIsDone() {
		this.stripe.server.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
					 "message": "Charge ch_1 has already been refunded."}}""")));

		this.payments.refund(new PaymentNotice.Paid("evt_1", "stripe", "hold-1", "cs_1", "pi_1", 4500, "EUR"));
	}
}
