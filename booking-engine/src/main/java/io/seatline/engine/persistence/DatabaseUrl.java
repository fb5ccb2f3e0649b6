package io.seatline.engine.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JDBC URL from {@code DATABASE_URL}, completed with the settings the engine relies on. For SQLite: WAL,
 * {@code synchronous=FULL} (a confirmed booking survives a power loss), foreign keys, a busy timeout so that
 * writers of other processes wait rather than fail, and immediate transactions: each takes the write lock when it begins, so
 * that two transactions never both read and then both try to write (which SQLite can only resolve by failing one).
 */
public record DatabaseUrl(String url) {

	/** The default: an SQLite file under {@code ./data}. */
	public static final String DEFAULT = "jdbc:sqlite:./data/booking.db";

	private static final Map<String, String> SQLITE_SETTINGS = sqliteSettings();

	private static Map<String, String> sqliteSettings() {
		var settings = new LinkedHashMap<String, String>();
		settings.put("journal_mode", "WAL");
		settings.put("synchronous", "FULL");
		// one writer per process: a lock held longer than this by another process is answered busy, not waited out
		settings.put("busy_timeout", "5000");
		settings.put("foreign_keys", "true");
		settings.put("transaction_mode", "IMMEDIATE");
		// every write request runs in a savepoint, whose undo copy of each page it changes SQLite keeps in a temporary
		// file once past 64 KiB: opened, written and closed in every shared transaction, thousands of writes a second.
		// In memory it is as large as the pages one transaction changes (a few MiB for a batch of bookings, more for
		// calling off a large event), freed at commit
		settings.put("temp_store", "MEMORY");
		// ids are made by the engine: no "select last_insert_rowid()" after every insert
		settings.put("jdbc.get_generated_keys", "false");
		return settings;
	}

	public DatabaseUrl {
		if (url == null || url.isBlank()) {
			url = DEFAULT;
		}
		url = url.strip();
		if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException(
					"DATABASE_URL must be jdbc:sqlite:PATH or jdbc:postgresql://..., not " + url);
		}
	}

	public boolean isSqlite() {
		return this.url.startsWith("jdbc:sqlite:");
	}

	/** Flyway's vendor folder and the name the engine uses for the database kind. */
	public String vendor() {
		return isSqlite() ? "sqlite" : "postgresql";
	}

	/** The URL to hand the driver: SQLite settings added unless the URL sets them itself. */
	public String jdbcUrl() {
		return withSettings(SQLITE_SETTINGS);
	}

	/**
	 * The URL for SQLite's read-only connections: the user's settings without those that write or begin a write
	 * ({@code journal_mode}, {@code synchronous}, {@code transaction_mode}), and the busy timeout.
	 */
	public String readOnlyJdbcUrl() {
		var settings = new LinkedHashMap<String, String>();
		settings.put("busy_timeout", SQLITE_SETTINGS.get("busy_timeout"));
		return withSettings(settings, Set.of("journal_mode", "synchronous", "transaction_mode", "foreign_keys"));
	}

	/**
	 * The URL for the job scheduler's own bookkeeping on SQLite (which job a worker took, that it finished): the write
	 * URL with {@code synchronous=NORMAL}, so these commits do not wait for the disk. Losing the last of them in a power
	 * loss only makes a job run again, and a job's effects are recorded by the engine's durable writes (an email job
	 * already sent is not sent again); the next durable commit makes them durable too, as the WAL is written in order.
	 */
	public String jobsJdbcUrl() {
		var settings = new LinkedHashMap<>(SQLITE_SETTINGS);
		settings.put("synchronous", "NORMAL");
		return withSettings(settings, Set.of("synchronous"));
	}

	private String withSettings(Map<String, String> settings) {
		return withSettings(settings, Set.of());
	}

	private String withSettings(Map<String, String> settings, Set<String> dropped) {
		if (!isSqlite()) {
			return this.url;
		}
		var separator = this.url.indexOf('?');
		var base = (separator < 0) ? this.url : this.url.substring(0, separator);
		var query = new LinkedHashMap<String, String>();
		if (separator >= 0) {
			for (var pair : this.url.substring(separator + 1).split("&")) {
				if (!pair.isEmpty()) {
					var eq = pair.indexOf('=');
					query.put((eq < 0) ? pair : pair.substring(0, eq), (eq < 0) ? "" : pair.substring(eq + 1));
				}
			}
		}
		query.keySet().removeAll(dropped);
		settings.forEach(query::putIfAbsent);
		var joined = new StringBuilder(base).append('?');
		query.forEach((key, value) -> joined.append(key).append('=').append(value).append('&'));
		joined.setLength(joined.length() - 1);
		return joined.toString();
	}

	/**
	 * The settings of an SQLite URL (its query) as driver properties, for a data source built with an
	 * {@code SQLiteConfig}, whose own defaults would otherwise win over the URL's (a deferred transaction mode, say).
	 */
	public static java.util.Properties sqliteProperties(String jdbcUrl) {
		var properties = new java.util.Properties();
		var separator = jdbcUrl.indexOf('?');
		if (separator >= 0) {
			for (var pair : jdbcUrl.substring(separator + 1).split("&")) {
				var eq = pair.indexOf('=');
				if (eq > 0) {
					properties.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
				}
			}
		}
		return properties;
	}

	/** SQLite's busy timeout in this URL (the engine's default unless the URL sets one). */
	public long busyTimeoutMillis() {
		var url = jdbcUrl();
		var start = url.indexOf("busy_timeout=");
		if (start < 0) {
			return Long.parseLong(SQLITE_SETTINGS.get("busy_timeout"));
		}
		var value = url.substring(start + "busy_timeout=".length());
		var end = value.indexOf('&');
		try {
			return Long.parseLong((end < 0) ? value : value.substring(0, end));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("busy_timeout in DATABASE_URL must be a number of milliseconds");
		}
	}

	/** The SQLite file, or null for PostgreSQL or an in-memory database. */
	public Path sqliteFile() {
		if (!isSqlite()) {
			return null;
		}
		var path = this.url.substring("jdbc:sqlite:".length());
		var separator = path.indexOf('?');
		if (separator >= 0) {
			path = path.substring(0, separator);
		}
		if (path.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		if (path.isEmpty() || path.startsWith(":memory:")) {
			return null;
		}
		return Path.of(path);
	}

	/** Creates the folder of the SQLite file so that a fresh clone starts without setup. */
	public void prepare() {
		var file = sqliteFile();
		if (isSqlite() && file == null) {
			// every pooled connection would open a database of its own
			throw new IllegalArgumentException("In-memory SQLite is not supported; give DATABASE_URL a file path");
		}
		if (file != null && file.toAbsolutePath().getParent() != null) {
			try {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the folder of " + file, ex);
			}
		}
	}
}
