package io.seatline.engine.persistence;

import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.testapp.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsOnSqliteTests extends MigrationTests {

	@Override
	String newUrl(String name) {
		return TestDatabases.newUrl(name);
	}

	@Test
	void theFileRunsInWalModeWithForeignKeys() throws Exception {
		try (var context = start(newUrl("pragmas"))) {
			var jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("pragma journal_mode", String.class)).isEqualToIgnoringCase("wal");
			assertThat(jdbc.queryForObject("pragma foreign_keys", Integer.class)).isOne();
			assertThat(jdbc.queryForObject("pragma synchronous", Integer.class)).isEqualTo(2);
			// a savepoint's undo pages stay in memory: no temporary file per shared transaction
			assertThat(jdbc.queryForObject("pragma temp_store", Integer.class)).isEqualTo(2);
			// the write connections wait with a handler of their own (PromptRetries), for as long as this says
			assertThat(context.getBean(DatabaseUrl.class).busyTimeoutMillis()).isEqualTo(5_000);
			// the job scheduler's bookkeeping alone commits without waiting for the disk
			var jobs = new JdbcTemplate(context.getBean(SeatlineDataSource.class).jobs());
			assertThat(jobs.queryForObject("pragma synchronous", Integer.class)).isEqualTo(1);
			assertThat(jobs.queryForObject("pragma journal_mode", String.class)).isEqualToIgnoringCase("wal");
		}
	}

	@Test
	void aClaimOfSeveralSeatsLooksEachUpByItsLabel() throws Exception {
		try (var context = start(newUrl("claim-plan"))) {
			var jdbc = context.getBean(JdbcTemplate.class);
			for (var seats = 1; seats <= 10; seats++) {
				var marks = String.join(",", Collections.nCopies(seats, "?"));
				// the shape of SeatInventory's claim: with an index on (event_id, status) SQLite read every available
				// seat of the event for three seats or more
				var plan = jdbc.queryForList("explain query plan update event_seats set status = 'BOOKED', "
						+ "booking_id = ? where event_id = ? and label in (" + marks + ") and status = 'AVAILABLE'",
						Collections.nCopies(seats + 2, "x").toArray());
				assertThat(plan).as("the plan of a claim of %d seats", seats)
					.singleElement()
					.satisfies((step) -> assertThat(step.get("detail").toString())
						.contains("(event_id=? AND label=?)"));
			}
		}
	}
}
