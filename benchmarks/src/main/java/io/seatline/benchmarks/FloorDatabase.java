package io.seatline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** A database {@code floor-db} runs on: how to connect, begin, commit and roll back, and the schema. */
interface FloorDatabase {

	/** {@code sqlite} or {@code postgresql}: also the folder of the engine's migrations for it. */
	String kind();

	String url();

	default Connection connect() throws SQLException {
		return DriverManager.getConnection(url());
	}

	default String schema() {
		// the engine's migrations, from its jar, in the order Flyway runs them: the very tables, constraints and
		// indexes the engine claims on (an index that misleads the claim's plan misleads it here too)
		var schema = new StringBuilder();
		for (var migration : List.of(kind() + "/V1__booking_engine.sql", kind() + "/V2__email_jobs.sql",
				"common/V3__seat_counts_and_versions.sql", "common/V4__seat_claim_index.sql")) {
			try (var in = FloorDatabase.class.getResourceAsStream("/db/migration/" + migration)) {
				schema.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append(";\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return schema.toString();
	}

	void begin(Connection connection) throws SQLException;

	void commit(Connection connection) throws SQLException;

	void rollback(Connection connection) throws SQLException;

	/** SQLite with the engine's settings; transactions begin {@code IMMEDIATE}, taking the write lock up front. */
	record Sqlite(String url) implements FloorDatabase {

		/** The settings the engine adds to every SQLite URL. */
		static final String SETTINGS = "journal_mode=WAL&synchronous=FULL&busy_timeout=30000&foreign_keys=true";

		static Sqlite file(Path file) {
			return new Sqlite("jdbc:sqlite:" + file.toAbsolutePath() + "?" + SETTINGS);
		}

		@Override
		public String kind() {
			return "sqlite";
		}

		@Override
		public void begin(Connection connection) throws SQLException {
			execute(connection, "BEGIN IMMEDIATE");
		}

		@Override
		public void commit(Connection connection) throws SQLException {
			execute(connection, "COMMIT");
		}

		@Override
		public void rollback(Connection connection) throws SQLException {
			execute(connection, "ROLLBACK");
		}

		private static void execute(Connection connection, String sql) throws SQLException {
			try (var statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}
	}

	/** PostgreSQL as the engine uses it: its defaults, so a commit waits for its WAL flush. */
	record Postgres(String url) implements FloorDatabase {

		@Override
		public String kind() {
			return "postgresql";
		}

		@Override
		public void begin(Connection connection) throws SQLException {
			connection.setAutoCommit(false);
		}

		@Override
		public void commit(Connection connection) throws SQLException {
			connection.commit();
			connection.setAutoCommit(true);
		}

		@Override
		public void rollback(Connection connection) throws SQLException {
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}
}
