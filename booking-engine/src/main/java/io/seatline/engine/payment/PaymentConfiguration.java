package io.seatline.engine.payment;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Chooses the payment methods from the environment: Stripe only with both of its settings. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	private static final Log logger = LogFactory.getLog(PaymentConfiguration.class);

	@Bean
	PaymentProviders paymentProviders(Environment environment) {
		var key = environment.getProperty("STRIPE_API_KEY", "").strip();
		var secret = environment.getProperty("STRIPE_WEBHOOK_SECRET", "").strip();
		StripePayments stripe = null;
		if (!key.isEmpty() && !secret.isEmpty()) {
			stripe = new StripePayments(new StripeSettings(key, secret, environment.getProperty("STRIPE_API_BASE"),
					environment.getProperty("seatline.payment.stripe-timeout", Duration.class,
							Duration.ofSeconds(10))));
		}
		else if (!key.isEmpty() || !secret.isEmpty()) {
			logger.warn("Stripe is off: it needs both STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET");
		}
		return new PaymentProviders(new BoxOfficePayments(), stripe);
	}
}
