package io.seatline.engine.catalog;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.seatline.engine.jobs.Jobs;
import io.seatline.engine.persistence.DatabaseChanges;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The event list served from memory on a real database (each subclass names one): never older than the database when
 * asked, whoever committed (this engine, another connection as another process would), and without events that have
 * started, also when the clock moves and nothing is committed.
 */
abstract class EventListingsTests {

	@Autowired
	EventListings listings;

	@Autowired
	EventCatalog catalog;

	@Autowired
	DatabaseChanges changes;

	@Autowired
	DatabaseUrl database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Jobs jobs;

	@Autowired
	MutableClock clock;

	@Test
	void everyBookingShowsInTheNextListingWhileOthersBrowseAtTheSameTime() throws Exception {
		var event = this.fixtures.newEvent(1, 30);
		var query = new BrowseEvents(event.venueName(), null, null);
		var stop = new AtomicBoolean();
		var pool = Executors.newFixedThreadPool(4);
		var browsers = new ArrayList<Future<Integer>>();
		for (int i = 0; i < 4; i++) {
			browsers.add(pool.submit(() -> {
				// what one caller sees only goes forward: available seats never come back
				int last = Integer.MAX_VALUE;
				int listings = 0;
				while (!stop.get()) {
					int available = available(this.listings.browse(query));
					assertThat(available).isLessThanOrEqualTo(last);
					last = available;
					listings++;
				}
				return listings;
			}));
		}
		try {
			var user = this.fixtures.newUser();
			for (int seat = 1; seat <= 30; seat++) {
				if (seat % 10 == 1) {
					// an account may hold ten seats of an event
					user = this.fixtures.newUser();
				}
				this.fixtures.book(user, event, "A" + seat);
				// read after one's own write: the listing asked for after the booking's commit shows it
				assertThat(available(this.listings.browse(query))).isEqualTo(30 - seat);
			}
		}
		finally {
			stop.set(true);
			pool.shutdown();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		for (var browser : browsers) {
			assertThat(browser.get()).isPositive();
		}
	}

	@Test
	void aCommitOfAnotherConnectionShowsInTheNextListing() throws Exception {
		var event = this.fixtures.newEvent(1, 2);
		var query = new BrowseEvents(event.venueName(), null, null);
		assertThat(this.listings.browse(query)).singleElement()
			.satisfies((summary) -> assertThat(summary.event().name()).isEqualTo(event.name()));
		rename(event.eventId(), "Renamed elsewhere");
		assertThat(this.listings.browse(query)).singleElement()
			.satisfies((summary) -> assertThat(summary.event().name()).isEqualTo("Renamed elsewhere"));
	}

	@Test
	void aListingReadInsideAnOlderTransactionIsNotKeptForLaterCallers() throws Exception {
		var event = this.fixtures.newEvent(1, 2);
		var query = new BrowseEvents(event.venueName(), null, null);
		var reads = new TransactionTemplate(this.transactions);
		reads.setReadOnly(true);
		reads.executeWithoutResult((status) -> {
			// a read step of a composition: its view of the database begins with its first read
			assertThat(this.listings.browse(query)).hasSize(1);
			rename(event.eventId(), "Renamed meanwhile");
			// SQLite: still the transaction's older view; PostgreSQL reads what is committed at each statement
			var seenInside = this.database.isSqlite() ? event.name() : "Renamed meanwhile";
			assertThat(this.listings.browse(query)).singleElement()
				.satisfies((summary) -> assertThat(summary.event().name()).isEqualTo(seenInside));
		});
		assertThat(this.listings.browse(query)).singleElement()
			.satisfies((summary) -> assertThat(summary.event().name()).isEqualTo("Renamed meanwhile"));
	}

	@Test
	void anEventLeavesTheListingWhenItStartsAndComesBackWhenTheClockIsSetBack() {
		var event = this.fixtures.newEvent(1, 2);
		var query = new BrowseEvents(event.venueName(), null, null);
		var before = this.clock.instant();
		assertThat(this.listings.browse(query)).hasSize(1);
		// nothing is committed: only the clock moves past the start
		this.clock.set(event.startsAt());
		assertThat(this.listings.browse(query)).isEmpty();
		this.clock.set(before);
		assertThat(this.listings.browse(query)).hasSize(1);
		// with a from date, events that started on that day are listed
		var day = event.startsAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		this.clock.set(event.startsAt().plus(Duration.ofMinutes(1)));
		try {
			assertThat(this.listings.browse(new BrowseEvents(event.venueName(), day, day))).hasSize(1);
		}
		finally {
			this.clock.set(before);
		}
	}

	@Test
	void anUnchangedDatabaseServesTheListingItServedBefore() {
		assumeTrue(this.database.isSqlite(), "only SQLite tells that nothing was committed");
		var event = this.fixtures.newEvent(1, 2);
		var user = this.fixtures.newUser();
		var query = new BrowseEvents(event.venueName(), null, null);
		// the job worker commits too (the emails of earlier bookings): it stays out while nothing is to change
		this.jobs.stop();
		try {
			var first = this.listings.browse(query);
			assertThat(this.listings.browse(query)).isSameAs(first);
			this.fixtures.book(user, event, "A1");
			var after = this.listings.browse(query);
			assertThat(after).isNotSameAs(first);
			assertThat(available(after)).isOne();
		}
		finally {
			this.jobs.start();
		}
	}

	@Test
	void aLookForChangesHoldsNoReadOfTheFile() {
		assumeTrue(this.database.isSqlite(), "only SQLite has a change number");
		var first = this.changes.current();
		assertThat(first).isPresent();
		this.fixtures.newEvent(1, 1);
		var second = this.changes.current();
		assertThat(second.getAsLong()).isGreaterThan(first.getAsLong());
		assertThat(this.changes.current()).isEqualTo(second);
		// a checkpoint empties the whole log only when no connection reads an older snapshot of the file
		var checkpoint = this.jdbc.queryForMap("pragma wal_checkpoint(truncate)");
		assertThat(checkpoint.values()).first().isEqualTo(0);
	}

	@Test
	void onPostgresEveryListingIsRead() {
		assumeTrue(!this.database.isSqlite());
		assertThat(this.changes.current()).isEmpty();
		var event = this.fixtures.newEvent(1, 2);
		var query = new BrowseEvents(event.venueName(), null, null);
		assertThat(this.listings.browse(query)).isNotSameAs(this.listings.browse(query));
	}

	/** Renames the event as another process would: a connection of its own, outside the engine. */
	private void rename(String eventId, String name) {
		try (var other = DriverManager.getConnection(this.database.jdbcUrl());
				var rename = other.prepareStatement("update events set name = ? where id = ?")) {
			rename.setString(1, name);
			rename.setString(2, eventId);
			assertThat(rename.executeUpdate()).isOne();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int available(List<EventSummary> listing) {
		assertThat(listing).hasSize(1);
		return listing.get(0).availableSeats();
	}
}
