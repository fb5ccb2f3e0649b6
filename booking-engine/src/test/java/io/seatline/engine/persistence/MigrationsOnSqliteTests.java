package io.seatline.engine.persistence;

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
			// the write connections wait with a handler of their own (PromptRetries), for as long as this says
			assertThat(context.getBean(DatabaseUrl.class).busyTimeoutMillis()).isEqualTo(5_000);
		}
	}
}
