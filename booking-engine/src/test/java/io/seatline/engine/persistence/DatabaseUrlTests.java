package io.seatline.engine.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTests {

	@Test
	void theDefaultIsAnSqliteFileUnderData() {
		var url = new DatabaseUrl(null);
		assertThat(url.isSqlite()).isTrue();
		assertThat(url.sqliteFile()).isEqualTo(Path.of("./data/booking.db"));
	}

	@Test
	void sqliteGetsTheSettingsADurableConcurrentBookingNeeds() {
		assertThat(new DatabaseUrl("jdbc:sqlite:/tmp/x.db").jdbcUrl()).isEqualTo(
				"jdbc:sqlite:/tmp/x.db?journal_mode=WAL&synchronous=FULL&busy_timeout=5000&foreign_keys=true"
						+ "&transaction_mode=IMMEDIATE&temp_store=MEMORY&jdbc.get_generated_keys=false");
	}

	@Test
	void settingsInTheUrlWin() {
		assertThat(new DatabaseUrl("jdbc:sqlite:/tmp/x.db?busy_timeout=5").jdbcUrl())
			.startsWith("jdbc:sqlite:/tmp/x.db?busy_timeout=5&journal_mode=WAL")
			.doesNotContain("busy_timeout=5000");
	}

	@Test
	void theJobSchedulersBookkeepingAloneCommitsWithoutWaitingForTheDisk() {
		assertThat(new DatabaseUrl("jdbc:sqlite:/tmp/x.db?synchronous=EXTRA&cache_size=100").jobsJdbcUrl())
			.isEqualTo("jdbc:sqlite:/tmp/x.db?cache_size=100&journal_mode=WAL&synchronous=NORMAL&busy_timeout=5000"
					+ "&foreign_keys=true&transaction_mode=IMMEDIATE&temp_store=MEMORY&jdbc.get_generated_keys=false");
	}

	@Test
	void readOnlyConnectionsNeitherBeginImmediateNorChangeTheJournal() {
		assertThat(new DatabaseUrl("jdbc:sqlite:/tmp/x.db?transaction_mode=IMMEDIATE&cache_size=100").readOnlyJdbcUrl())
			.isEqualTo("jdbc:sqlite:/tmp/x.db?cache_size=100&busy_timeout=5000");
	}

	@Test
	void postgresqlIsPassedThrough() {
		var url = new DatabaseUrl("jdbc:postgresql://db/seatline");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/seatline");
		assertThat(url.vendor()).isEqualTo("postgresql");
	}

	@Test
	void otherDatabasesAndInMemorySqliteAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DatabaseUrl("jdbc:mysql://db/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new DatabaseUrl("jdbc:sqlite::memory:").prepare());
	}
}
