package io.seatline.testapp;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.seatline.engine.account.Registrations;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.EventCatalog;

@TestConfiguration(proxyBeanMethods = false)
public class FixturesConfiguration {

	@Bean
	Fixtures fixtures(Registrations registrations, Sessions sessions, EventCatalog catalog,
			SeatReservations reservations, MutableClock clock) {
		return new Fixtures(registrations, sessions, catalog, reservations, clock);
	}
}
