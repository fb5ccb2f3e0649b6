package io.seatline.engine.persistence;

import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Statements sent together through the write path, on a real database (each subclass names one). */
abstract class RoundTripsTests {

	private static final ResultSetExtractor<Long> FIRST = (rows) -> rows.next() ? rows.getLong(1) : null;

	private static final ResultSetExtractor<String> FIRST_NAME = (rows) -> rows.next() ? rows.getString(1) : null;

	@Autowired
	RoundTrips roundTrips;

	@Autowired
	WritePath writes;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void table() {
		this.writes.run(() -> {
			this.jdbc.update("create table if not exists round_trips (name varchar(10) primary key, value bigint)");
			this.jdbc.update("delete from round_trips");
		});
	}

	@Test
	void eachStatementSeesWhatTheOnesBeforeItDidAndEachResultGoesToItsOwnReader() {
		var done = new ArrayList<String>();
		this.writes.run(() -> {
			var trip = this.roundTrips.start();
			var inserted = trip.add("insert into round_trips (name, value) values (?, ?) returning value", FIRST, "a",
					1);
			var updated = trip.add("update round_trips set value = value + ? where name = ? returning value", FIRST,
					41, "a");
			var missing = trip.add("select value from round_trips where name = ?", FIRST, "b");
			var names = trip.add("select name from round_trips order by name", (rows) -> {
				var found = new ArrayList<String>();
				while (rows.next()) {
					found.add(rows.getString(1));
				}
				return found;
			});
			trip.afterwards(() -> done.add("after " + updated.get() + " with " + names.get()));
			assertThatIllegalStateException().as("nothing is there before the trip runs").isThrownBy(updated::get);
			trip.run();
			assertThat(inserted.get()).isEqualTo(1L);
			assertThat(updated.get()).isEqualTo(42L);
			assertThat(missing.get()).isNull();
			assertThat(names.get()).containsExactly("a");
			assertThatIllegalStateException().as("a trip runs once").isThrownBy(trip::run);
		});
		assertThat(done).containsExactly("after 42 with [a]");
		assertThat(this.jdbc.queryForObject("select value from round_trips where name = 'a'", Long.class))
			.isEqualTo(42L);
	}

	@Test
	void aNullArgumentIsBoundAsNull() {
		this.writes.run(() -> {
			var trip = this.roundTrips.start();
			trip.add("insert into round_trips (name, value) values (?, ?) returning name", FIRST_NAME, "a", null);
			var empty = trip.add("select count(*) from round_trips where name = ? and value is null", FIRST, "a");
			trip.run();
			assertThat(empty.get()).isEqualTo(1L);
		});
	}

	@Test
	void aStatementThatFailsEndsTheTripAsItsOwnFailureAndNothingOfTheWriteIsKept() {
		var after = new ArrayList<Long>();
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.writes.run(() -> {
			var trip = this.roundTrips.start();
			trip.add("insert into round_trips (name, value) values (?, ?) returning value", FIRST, "a", 1);
			trip.add("insert into round_trips (name, value) values (?, ?) returning value", FIRST, "a", 2);
			var third = trip.add("insert into round_trips (name, value) values (?, ?) returning value", FIRST, "c", 3);
			trip.afterwards(() -> after.add(third.get()));
			try {
				trip.run();
			}
			finally {
				assertThatIllegalStateException().as("the statement after the failure gave nothing")
					.isThrownBy(third::get);
			}
		}));
		assertThat(after).as("the work after the trip is not done").isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from round_trips", Long.class)).isZero();
	}
}
