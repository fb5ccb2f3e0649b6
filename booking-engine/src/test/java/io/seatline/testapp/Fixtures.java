package io.seatline.testapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.seatline.engine.account.RegisterAccount;
import io.seatline.engine.account.Registrations;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.account.User;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventDetails;

/** Builds the accounts, venues and events a test needs, through the engine's own services. */
public class Fixtures {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final Registrations registrations;

	private final Sessions sessions;

	private final EventCatalog catalog;

	private final SeatReservations reservations;

	private final MutableClock clock;

	public Fixtures(Registrations registrations, Sessions sessions, EventCatalog catalog,
			SeatReservations reservations, MutableClock clock) {
		this.registrations = registrations;
		this.sessions = sessions;
		this.catalog = catalog;
		this.reservations = reservations;
		this.clock = clock;
	}

	public User admin() {
		return this.sessions.authenticate(this.sessions.login("admin", EngineTest.ADMIN_PASSWORD).token());
	}

	public User newUser() {
		var username = "user" + COUNTER.incrementAndGet();
		this.registrations.register(new RegisterAccount(username, username + "@example.org", "password-" + username));
		return this.sessions.authenticate(this.sessions.login(username, "password-" + username).token());
	}

	/** An event in a day, at a new venue of {@code rows} rows of {@code seatsPerRow} seats. */
	public EventDetails newEvent(int rows, int seatsPerRow) {
		var admin = admin();
		var venue = this.catalog.createVenue(admin,
				CreateVenue.withRows("Venue " + COUNTER.incrementAndGet(), rows, seatsPerRow));
		return this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Event " + COUNTER.incrementAndGet(),
				this.clock.instant().plus(Duration.ofDays(1)), null));
	}

	public String book(User user, EventDetails event, String... seats) {
		return this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of(seats))).bookingId();
	}
}
