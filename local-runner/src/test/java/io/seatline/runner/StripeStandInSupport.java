package io.seatline.runner;

import java.nio.file.Path;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The runner with Stripe configured: its API played by a local stand-in ({@link #stripe}, which tests stub), and
 * webhook deliveries signed with {@link #SECRET}. The test classes that extend this share one context of their own,
 * on a database of its own.
 */
public abstract class StripeStandInSupport extends RunnerTestSupport {

	public static final String SECRET = "whsec_runner_test";

	public static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

	static {
		stripe.start();
	}

	@DynamicPropertySource
	static void stripeSettings(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", () -> "jdbc:sqlite:"
				+ Path.of("target", "test-db", "checkout-" + UUID.randomUUID() + ".db").toAbsolutePath());
		registry.add("STRIPE_API_KEY", () -> "sk_test_runner");
		registry.add("STRIPE_WEBHOOK_SECRET", () -> SECRET);
		registry.add("STRIPE_API_BASE", stripe::baseUrl);
	}

	@AfterAll
	static void forgetStubs() {
		// the cached context still calls this stand-in: it keeps running, without the stubs of the class that ends
		stripe.resetAll();
	}
}
