package io.seatline.engine.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Price settings ({@code seatline.booking.currency}).
 *
 * @param currency the ISO 4217 code of events created without one, and of the events and bookings that existed
 * before events had prices (the migration gives them this one)
 */
@ConfigurationProperties("seatline.booking")
public record PriceSettings(@DefaultValue("EUR") String currency) {

	public PriceSettings {
		try {
			currency = Prices.currencyCode(currency);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("seatline.booking.currency must be an ISO 4217 code such as EUR, not '"
					+ currency + "'");
		}
	}
}
