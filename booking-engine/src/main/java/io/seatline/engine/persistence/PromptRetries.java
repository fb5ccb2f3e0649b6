package io.seatline.engine.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.sqlite.BusyHandler;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * SQLite write connections that take turns at the write lock among themselves ({@link WriteTurns}), and wait for a
 * lock held elsewhere (another process, or a statement of this one that took no turn) by trying again every quarter
 * of a millisecond until the busy timeout, instead of SQLite's own handler, which sleeps longer and longer (up to
 * 100 ms a try) and so lets a lock that is free most of the time go unclaimed for tens of milliseconds.
 */
final class PromptRetries extends SQLiteDataSource {

	private static final long PAUSE_NANOS = 250_000;

	/** The turns of this process's write connections, one line per database file, whichever pool. */
	private static final Map<String, WriteTurns> TURNS = new ConcurrentHashMap<>();

	private final long timeoutNanos;

	private final long busyTimeoutMillis;

	private final WriteTurns turns;

	PromptRetries(String url, long busyTimeoutMillis) {
		// the URL's settings as the config's: immediate transactions, WAL, synchronous=FULL, foreign keys
		super(new SQLiteConfig(DatabaseUrl.sqliteProperties(url)));
		setUrl(url);
		this.timeoutNanos = busyTimeoutMillis * 1_000_000;
		this.busyTimeoutMillis = busyTimeoutMillis;
		// the URL without its settings: the same file for the write pool and the job pool
		var file = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		this.turns = TURNS.computeIfAbsent(file, (any) -> new WriteTurns());
	}

	/** A connection that keeps its prepared statements and takes turns at the write lock (see {@link StatementCache}). */
	@Override
	public Connection getConnection() throws SQLException {
		var handler = new Handler(this.timeoutNanos);
		return StatementCache.of(open(null, null, handler), this.turns, this.busyTimeoutMillis, handler);
	}

	/** The turns its connections take at the write lock, with every other write connection of this file. */
	WriteTurns turns() {
		return this.turns;
	}

	@Override
	public org.sqlite.SQLiteConnection getConnection(String username, String password) throws SQLException {
		return open(username, password, new Handler(this.timeoutNanos));
	}

	private org.sqlite.SQLiteConnection open(String username, String password, Handler handler) throws SQLException {
		// what SQLiteDataSource does, with a connection that keeps its handler
		var properties = getConfig().toProperties();
		if (username != null) {
			properties.put("user", username);
		}
		if (password != null) {
			properties.put("pass", password);
		}
		var url = getUrl().trim();
		var connection = new OwnWaits(url, url.substring(JDBC.PREFIX.length()), properties, handler);
		BusyHandler.setHandler(connection, handler);
		return connection;
	}

	/**
	 * A connection that waits for a lock with its own handler only. sqlite-jdbc runs a statement that has a query
	 * timeout (every statement of a Spring transaction with a time limit has one: what is left of it, in seconds)
	 * under a busy timeout of that length, and sets the configured busy timeout again after it; each time SQLite
	 * drops the connection's handler for its own, which retries seldom and knows nothing of the wait for a turn. Here
	 * such a timeout bounds the handler's wait instead, never beyond the configured one.
	 */
	private static final class OwnWaits extends JDBC4Connection {

		private final Handler handler;

		OwnWaits(String url, String file, Properties properties, Handler handler) throws SQLException {
			super(url, file, properties);
			this.handler = handler;
		}

		@Override
		public void setBusyTimeout(int millis) {
			this.handler.limit(millis);
		}
	}

	/**
	 * One connection's handler: a connection waits on one thread at a time. The busy timeout bounds the whole wait of
	 * a statement, its wait for its turn ({@link WriteTurns}) included: a write that waited for its turn behind a
	 * connection that waited in vain for a lock held elsewhere gives up when its own timeout is over, not a timeout
	 * later.
	 */
	static final class Handler extends BusyHandler {

		private final long timeoutNanos;

		/** The timeout of the statement under way, if shorter than the connection's (see {@link OwnWaits}). */
		private long limitNanos;

		private long waitingSince;

		private boolean turnWaited;

		private long turnWaitedSince;

		Handler(long timeoutNanos) {
			this.timeoutNanos = timeoutNanos;
			this.limitNanos = timeoutNanos;
		}

		/** Waits at most {@code millis} from now on (0: not at all), and never longer than the busy timeout. */
		void limit(int millis) {
			this.limitNanos = Math.min(this.timeoutNanos, Math.max(0, millis) * 1_000_000L);
		}

		/** The next statement's wait began at {@code sinceNanos}, waiting for its turn. */
		void waitedForTurnSince(long sinceNanos) {
			this.turnWaited = true;
			this.turnWaitedSince = sinceNanos;
		}

		/** The statement that took the turn is over: a later one waits a timeout of its own. */
		void statementDone() {
			this.turnWaited = false;
		}

		@Override
		protected int callback(int triesBefore) {
			var now = System.nanoTime();
			if (triesBefore == 0) {
				this.waitingSince = this.turnWaited ? this.turnWaitedSince : now;
			}
			if (now - this.waitingSince >= this.limitNanos) {
				// give up: the statement fails with SQLITE_BUSY, which the engine answers BUSY
				return 0;
			}
			LockSupport.parkNanos(PAUSE_NANOS);
			return 1;
		}
	}
}
