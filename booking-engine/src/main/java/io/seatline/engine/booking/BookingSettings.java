package io.seatline.engine.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking settings ({@code seatline.booking.*}).
 *
 * @param maxSeatsPerAccount how many seats of one event an account may hold at once, over all its live bookings,
 * for events whose admin set no limit of their own
 */
@ConfigurationProperties("seatline.booking")
public record BookingSettings(@DefaultValue("10") int maxSeatsPerAccount) {

	public BookingSettings {
		if (maxSeatsPerAccount < 1) {
			throw new IllegalArgumentException("seatline.booking.max-seats-per-account must be at least 1");
		}
	}
}
