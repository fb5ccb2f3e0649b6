package io.seatline.engine.booking;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.testapp.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema on its own forbids a double sale: these tests write around the engine's code, as a bug would, and the
 * database (each subclass names one) refuses with the error Spring reports for a broken constraint.
 */
abstract class DoubleSaleConstraintTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aSecondLiveSaleOfTheSameSeatIsRefusedByThePartialUniqueIndex() {
		var event = this.fixtures.newEvent(1, 2);
		var user = this.fixtures.newUser();
		var bookingId = this.fixtures.book(user, event, "A1");
		// a buggy path that skipped the conditional claim and wrote a second booking of A1
		this.jdbc.update("insert into bookings (id, version, event_id, account_id, status, created_at) "
				+ "values ('rogue', 0, ?, ?, 'CONFIRMED', 0)", event.eventId(), user.id());
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc.update(
				"insert into booking_seats (booking_id, event_id, label, position) values ('rogue', ?, 'A1', 0)",
				event.eventId()))
			.withMessageContaining(liveSaleIndex());
		assertThat(liveSalesOf(event.eventId(), "A1")).containsExactly(bookingId);
	}

	@Test
	void aReleasedSaleDoesNotBlockTheNextOne() {
		var event = this.fixtures.newEvent(1, 1);
		var user = this.fixtures.newUser();
		var first = this.fixtures.book(user, event, "A1");
		this.jdbc.update("update booking_seats set released_at = 1 where booking_id = ?", first);
		this.jdbc.update("insert into bookings (id, version, event_id, account_id, status, created_at) "
				+ "values ('next', 0, ?, ?, 'CONFIRMED', 0)", event.eventId(), user.id());
		this.jdbc.update(
				"insert into booking_seats (booking_id, event_id, label, position) values ('next', ?, 'A1', 0)",
				event.eventId());
		assertThat(liveSalesOf(event.eventId(), "A1")).containsExactly("next");
	}

	@Test
	void aBookedSeatMustNameItsBookingAndAnAvailableOneMustNot() {
		var event = this.fixtures.newEvent(1, 2);
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
			.update("update event_seats set status = 'BOOKED' where event_id = ? and label = 'A1'", event.eventId()));
	}

	@Test
	void aSeatRowIsUniquePerEventAndLabel() {
		var event = this.fixtures.newEvent(1, 1);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc.update(
				"insert into event_seats (event_id, label, position, status) values (?, 'A1', 5, 'AVAILABLE')",
				event.eventId()));
	}

	@Test
	void aSeatCannotPointAtABookingThatNeverCommits() {
		var event = this.fixtures.newEvent(1, 1);
		// the foreign key from a seat to its booking is checked at commit: a booking id that is never written fails
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"update event_seats set status = 'BOOKED', booking_id = 'ghost' where event_id = ? and label = 'A1'",
				event.eventId()));
		assertThat(this.jdbc.queryForObject("select status from event_seats where event_id = ? and label = 'A1'",
				String.class, event.eventId())).isEqualTo("AVAILABLE");
	}

	/** How the database names the partial unique index on live sales in its refusal. */
	abstract String liveSaleIndex();

	private List<String> liveSalesOf(String eventId, String label) {
		return this.jdbc.queryForList(
				"select booking_id from booking_seats where event_id = ? and label = ? and released_at is null",
				String.class, eventId, label);
	}
}
