package io.seatline.engine.persistence;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.testapp.PostgresDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsOnPostgresTests extends MigrationTests {

	@Override
	String newUrl(String name) {
		return PostgresDatabases.newUrl(name);
	}

	@Test
	void theSchemaHasItsGuardsOnPostgres() throws Exception {
		var url = newUrl("guards");
		try (var context = start(url)) {
			var jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
			assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'ux_booking_seats_live'",
					String.class)).contains("UNIQUE", "WHERE (released_at IS NULL)");
			assertThat(jdbc.queryForObject("select condeferrable and condeferred from pg_constraint "
					+ "where conrelid = 'event_seats'::regclass and contype = 'f' and confrelid = 'bookings'::regclass",
					Boolean.class)).isTrue();
		}
	}
}
