package io.seatline.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Where each run's databases come from: a fresh one for the runners of every scenario, and a fresh one of the same
 * kind for {@code floor-db}. SQLite files in the run's folder by default; a given SQLite URL is used as it is; on
 * PostgreSQL (a server given by URL, or an embedded one this process starts) each is a new database.
 */
interface Databases extends AutoCloseable {

	/** A database for runners, named after {@code name}. */
	String runnerUrl(Path workDir, String name) throws SQLException;

	/** A fresh database for {@code floor-db}. */
	FloorDatabase floor(Path workDir) throws SQLException;

	@Override
	default void close() throws IOException {
	}

	static Databases of(Options options) throws IOException {
		if (options.embeddedPostgres()) {
			return Postgres.embedded();
		}
		var url = options.databaseUrl();
		if (url == null) {
			return new SqliteFiles(null);
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return new Postgres(url, null);
		}
		if (url.startsWith("jdbc:sqlite:")) {
			return new SqliteFiles(url);
		}
		throw new IllegalArgumentException("A database URL is jdbc:sqlite:... or jdbc:postgresql://...: " + url);
	}

	/** A new SQLite file per database in the run's folder, or the one URL given for the runners. */
	record SqliteFiles(String given) implements Databases {

		@Override
		public String runnerUrl(Path workDir, String name) {
			return (this.given != null && name.equals("booking")) ? this.given
					: "jdbc:sqlite:" + workDir.resolve(name + ".db").toAbsolutePath();
		}

		@Override
		public FloorDatabase floor(Path workDir) {
			return FloorDatabase.Sqlite.file(workDir.resolve("floor.db"));
		}
	}

	/**
	 * A PostgreSQL server reached through {@code serverUrl} (whose user may create databases): a new database on it
	 * for each call.
	 */
	record Postgres(String serverUrl, EmbeddedPostgres server) implements Databases {

		static Postgres embedded() throws IOException {
			// zonky's defaults turn synchronous_commit off; a commit here waits for its WAL flush, as the runner's
			// durability promise and a production server's defaults have it
			var server = EmbeddedPostgres.builder()
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.start();
			return new Postgres("jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres", server);
		}

		@Override
		public String runnerUrl(Path workDir, String name) throws SQLException {
			return create("seatline_" + name);
		}

		@Override
		public FloorDatabase floor(Path workDir) throws SQLException {
			return new FloorDatabase.Postgres(create("seatline_floor"));
		}

		@Override
		public void close() throws IOException {
			if (this.server != null) {
				this.server.close();
			}
		}

		private String create(String prefix) throws SQLException {
			var database = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9_]", "_");
			try (var connection = DriverManager.getConnection(this.serverUrl);
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
			return withDatabase(this.serverUrl, database);
		}

		/** The same URL naming another database: {@code jdbc:postgresql://host:port/DATABASE?params}. */
		static String withDatabase(String url, String database) {
			int hostStart = url.indexOf("//") + 2;
			int pathStart = url.indexOf('/', hostStart);
			int query = url.indexOf('?', hostStart);
			var server = (pathStart < 0 || (query >= 0 && query < pathStart))
					? url.substring(0, (query < 0) ? url.length() : query) : url.substring(0, pathStart);
			return server + "/" + database + ((query < 0) ? "" : url.substring(query));
		}
	}
}
