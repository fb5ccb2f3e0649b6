package io.seatline.engine.catalog;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Venues, events and browsing on a real database (each subclass names one). */
abstract class EventCatalogTests {

	@Autowired
	EventCatalog catalog;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Test
	void anAdminCreatesAVenueAndAnEventWithItsSeatsAndAnyoneBrowsesIt() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin,
				CreateVenue.withRows("100% Hall_of \\Fame " + System.nanoTime(), 2, 3));
		assertThat(venue.capacity()).isEqualTo(6);
		var startsAt = this.clock.instant().plus(Duration.ofDays(3));
		var event = this.catalog.createEvent(admin,
				new CreateEvent(venue.venueId(), "Opening night", startsAt, "First"));
		assertThat(event.totalSeats()).isEqualTo(6);
		assertThat(event.startsAt()).isEqualTo(startsAt);
		assertThat(this.catalog.seatMap(event.eventId()).seats()).extracting(SeatMap.Seat::label)
			.containsExactly("A1", "A2", "A3", "B1", "B2", "B3");
		// the venue filter is a LIKE with an escape character: %, _ and \ in it match only themselves
		assertThat(browse("100% hall_of \\fame")).extracting((summary) -> summary.event().eventId())
			.containsExactly(event.eventId());
		assertThat(browse("100% hall_of")).hasSize(1).first().satisfies((summary) -> {
			assertThat(summary.availableSeats()).isEqualTo(6);
			assertThat(summary.event().venueName()).isEqualTo(venue.name());
		});
		assertThat(browse("100_ hall")).isEmpty();
		assertThat(browse("%hall%of")).isEmpty();
		var day = startsAt.atZone(ZoneOffset.UTC).toLocalDate().toString();
		assertThat(this.catalog.browse(BrowseEvents.of(null, day, day))).extracting((s) -> s.event().eventId())
			.contains(event.eventId());
		assertThat(this.catalog.venues()).extracting((v) -> v.venueId()).contains(venue.venueId());
	}

	private List<EventSummary> browse(String venue) {
		return this.catalog.browse(new BrowseEvents(venue, null, null));
	}
}
