package io.seatline.benchmarks;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabasesTests {

	@Test
	void aNewPostgresDatabaseKeepsTheServerAndTheSettingsOfTheUrl() {
		assertThat(Databases.Postgres.withDatabase("jdbc:postgresql://db:5432/postgres?user=u&password=p", "run1"))
			.isEqualTo("jdbc:postgresql://db:5432/run1?user=u&password=p");
		assertThat(Databases.Postgres.withDatabase("jdbc:postgresql://localhost/seatline", "run1"))
			.isEqualTo("jdbc:postgresql://localhost/run1");
		assertThat(Databases.Postgres.withDatabase("jdbc:postgresql://localhost:5432?user=u", "run1"))
			.isEqualTo("jdbc:postgresql://localhost:5432/run1?user=u");
	}

	@Test
	void withoutAUrlEveryDatabaseIsANewSqliteFileInTheRunsFolder() {
		var databases = new Databases.SqliteFiles(null);

		assertThat(databases.runnerUrl(Path.of("/tmp/run"), "booking"))
			.isEqualTo("jdbc:sqlite:/tmp/run/booking.db");
		assertThat(databases.floor(Path.of("/tmp/run")).url()).startsWith("jdbc:sqlite:/tmp/run/floor.db?")
			.contains("synchronous=FULL");
	}
}
