package io.seatline.engine.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.seatline.engine.error.InvalidRequest;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@Test
	void aVenueHasATimeZoneAndItsEventsShowTheirLocalTimeEverywhere() {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin,
				CreateVenue.withCapacity("Zoned Hall " + System.nanoTime(), 4).inTimeZone(" Europe/Berlin "));
		assertThat(venue.timeZone()).isEqualTo("Europe/Berlin");
		assertThat(this.catalog.venues()).filteredOn((v) -> v.venueId().equals(venue.venueId()))
			.singleElement()
			.satisfies((v) -> assertThat(v.timeZone()).isEqualTo("Europe/Berlin"));
		// a summer evening in Berlin: two hours ahead of UTC
		var startsAt = Instant.parse("2031-05-01T18:00:00Z");
		var created = this.catalog.createEvent(admin, new CreateEvent(venue.venueId(), "Zoned", startsAt, null));
		assertThat(created.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(created.localStartsAt()).hasToString("2031-05-01T20:00+02:00");
		assertThat(created.startsAt()).isEqualTo(startsAt);
		assertThat(this.catalog.event(created.eventId()).timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(this.catalog.events(List.of(created.eventId())).get(created.eventId()).timeZone())
			.isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(browse(venue.name())).singleElement()
			.satisfies((summary) -> assertThat(summary.event().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin")));
		// moved to winter: one hour ahead
		var moved = this.catalog.updateEvent(admin,
				UpdateEvent.of(created.eventId(), null, null, "2031-12-01T19:00:00+01:00"));
		assertThat(moved.event().localStartsAt()).hasToString("2031-12-01T19:00+01:00");
	}

	@Test
	void aVenueWithoutAZoneHasTheDefaultOne() {
		var venue = this.catalog.createVenue(this.fixtures.admin(),
				CreateVenue.withCapacity("Plain Hall " + System.nanoTime(), 4).inTimeZone(""));
		assertThat(venue.timeZone()).isEqualTo("UTC");
	}

	@Test
	void anUnknownZoneIsRefusedAndNoVenueIsCreated() {
		var name = "Nowhere Hall " + System.nanoTime();
		for (var zone : List.of("Mars/Olympus", "europe/berlin", "+02:00", "Z", "'; drop table venues; --")) {
			assertThatExceptionOfType(InvalidRequest.class)
				.isThrownBy(() -> this.catalog.createVenue(this.fixtures.admin(),
						CreateVenue.withCapacity(name, 4).inTimeZone(zone)))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("timeZone"))
				.withMessageContaining("time zone id such as Europe/Berlin");
		}
		assertThat(this.catalog.venues()).extracting(VenueSummary::name).doesNotContain(name);
	}

	private List<EventSummary> browse(String venue) {
		return this.catalog.browse(new BrowseEvents(venue, null, null));
	}
}
