package io.seatline.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The tests' own look into an SQLite file the runner uses, with plain JDBC, past the engine and its functions. */
final class SqliteFile {

	private final Path file;

	SqliteFile(Path file) {
		this.file = file;
	}

	/** The first column of each row of a query, as text, on a read-only connection. */
	List<String> column(String sql, Object... parameters) throws SQLException {
		try (var connection = readOnly(); var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			var values = new ArrayList<String>();
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}
	}

	boolean hasTable(String table) throws SQLException {
		return !column("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", table).isEmpty();
	}

	/**
	 * Copies the write-ahead log into the database and truncates it to nothing, so that the next commit has to grow
	 * a file (an emptied log is otherwise rewritten in place, and a full disk would go unnoticed). Retries while a
	 * reader of the runner is in the way.
	 */
	void truncateTheWriteAheadLog(Duration timeout) throws Exception {
		var deadline = System.nanoTime() + timeout.toNanos();
		try (var connection = DriverManager.getConnection("jdbc:sqlite:" + this.file + "?busy_timeout=1000");
				var statement = connection.createStatement()) {
			while (true) {
				try (var result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
					result.next();
					if (result.getInt(1) == 0) {
						return;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not checkpoint " + this.file + " within " + timeout);
				}
				Thread.sleep(50);
			}
		}
	}

	private Connection readOnly() throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:" + this.file + "?open_mode=1&busy_timeout=5000");
	}
}
