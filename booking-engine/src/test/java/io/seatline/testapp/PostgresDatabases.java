package io.seatline.testapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL for tests: one server per test JVM (PostgreSQL's own binaries, unpacked from Maven Central and run
 * under {@code unshare -U} when the build runs as root), and a new empty database on it for each caller.
 */
public final class PostgresDatabases {

	private static EmbeddedPostgres server;

	private PostgresDatabases() {
	}

	/** A JDBC URL of a new, empty database, named after {@code name}. */
	public static synchronized String newUrl(String name) {
		var database = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (var connection = server().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + database, ex);
		}
		return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=postgres";
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				// stopped by the library's shutdown hook when the test JVM exits
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", ex);
			}
		}
		return server;
	}
}
