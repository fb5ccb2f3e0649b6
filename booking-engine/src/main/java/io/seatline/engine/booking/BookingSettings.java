package io.seatline.engine.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking settings ({@code seatline.booking.*}).
 *
 * @param maxSeatsPerAccount how many seats of one event an account may hold at once, over all its live bookings,
 * for events whose admin set no limit of their own
 * @param holdDuration how long a hold keeps its seats for the buyer before its expiry job gives them back
 */
@ConfigurationProperties("seatline.booking")
public record BookingSettings(@DefaultValue("10") int maxSeatsPerAccount, @DefaultValue("10m") Duration holdDuration) {

	public BookingSettings {
		if (maxSeatsPerAccount < 1) {
			throw new IllegalArgumentException("seatline.booking.max-seats-per-account must be at least 1");
		}
		if (holdDuration.isNegative() || holdDuration.isZero()) {
			throw new IllegalArgumentException("seatline.booking.hold-duration must be positive");
		}
	}
}
