package io.seatline.engine.booking;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.boxoffice.SeatBlocks;
import io.seatline.engine.boxoffice.SeatSelection;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.SeatList;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.testapp.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Seat maps kept in memory on a real database (each subclass names one): after every kind of seat change a map
 * shows the seats as the database has them. A change this process committed is applied to the kept map, whose other
 * blocks of seats it shares; a change it cannot name the seats of, or made by another process, has the map read
 * again.
 */
abstract class SeatMapSnapshotsTests {

	@Autowired
	EventCatalog catalog;

	@Autowired
	SeatReservations reservations;

	@Autowired
	SeatHolds holds;

	@Autowired
	SeatBlocks blocks;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void afterEveryKindOfSeatChangeTheMapIsTheSeatsAsTheDatabaseHasThemAndSharesTheBlocksNoChangeTouched() {
		// 10 rows of 20: seats A1..D4 are the first block of 64, J20 is in the last
		var event = this.fixtures.newEvent(10, 20);
		var buyer = this.fixtures.newUser();
		var before = blocksOf(mapOf(event));
		assertThat(before).hasSize(4);

		var booking = this.fixtures.book(buyer, event, "A1", "A2");
		var booked = blocksOf(mapOf(event));
		assertThat(booked.get(0)).isNotSameAs(before.get(0));
		assertThat(booked.subList(1, 4)).as("blocks no seat of which changed").containsExactlyElementsOf(before.subList(1, 4));

		var hold = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("J20", "J19")));
		var held = blocksOf(mapOf(event));
		assertThat(held.subList(0, 3)).containsExactlyElementsOf(booked.subList(0, 3));
		this.holds.confirm(buyer, hold.holdId());
		mapOf(event);
		var other = this.holds.hold(buyer, new HoldSeats(event.eventId(), List.of("E1")));
		mapOf(event);
		this.holds.release(buyer, other.holdId());
		mapOf(event);

		var admin = this.fixtures.admin();
		this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("C5", "J1")));
		mapOf(event);
		this.blocks.unblock(admin, new SeatSelection(event.eventId(), List.of("J1")));
		var unblocked = blocksOf(mapOf(event));

		// refused: nothing changes, the kept map is served as it is
		assertThatExceptionOfType(SeatsUnavailable.class).isThrownBy(() -> this.fixtures.book(buyer, event, "A3", "A1"));
		assertThat(blocksOf(mapOf(event))).containsExactlyElementsOf(unblocked);

		// a cancellation releases seats it does not name: the map is read again
		this.reservations.cancel(buyer, booking);
		mapOf(event);
		this.fixtures.book(buyer, event, "A1");
		mapOf(event);
	}

	@Test
	void aChangeAnotherProcessMadeHasTheMapReadAgainAndLaterChangesOfThisOneApplyToThatReading() {
		var event = this.fixtures.newEvent(10, 20);
		var buyer = this.fixtures.newUser();
		this.fixtures.book(buyer, event, "A1");
		mapOf(event);
		// what the shell or another runner does: a seat change and its version, not through this engine
		this.jdbc.update("update event_seats set status = 'BLOCKED' where event_id = ? and label = 'B1'",
				event.eventId());
		this.jdbc.update("update events set available_seats = available_seats - 1, blocked_seats = blocked_seats + 1, "
				+ "seat_version = seat_version + 1 where id = ?", event.eventId());
		// a change of this process after it: the changes known here skip a version, so the map is read again
		this.fixtures.book(buyer, event, "C1");
		var reread = blocksOf(mapOf(event));
		this.fixtures.book(buyer, event, "J20");
		assertThat(blocksOf(mapOf(event)).subList(0, 3)).containsExactlyElementsOf(reread.subList(0, 3));
	}

	/** The event's map, checked against the seats as the database has them, in seat-map order. */
	private SeatMap mapOf(EventDetails event) {
		var map = this.catalog.seatMap(event.eventId());
		var stored = this.jdbc.query("select label, status from event_seats where event_id = ? order by position",
				(row, index) -> row.getString(1) + " " + row.getString(2), event.eventId());
		assertThat(map.seats()).extracting((seat) -> seat.label() + " " + seat.status()).containsExactlyElementsOf(stored);
		return map;
	}

	private static List<List<SeatMap.Seat>> blocksOf(SeatMap map) {
		assertThat(map.seats()).isInstanceOf(SeatList.class);
		return ((SeatList) map.seats()).blocks();
	}
}
