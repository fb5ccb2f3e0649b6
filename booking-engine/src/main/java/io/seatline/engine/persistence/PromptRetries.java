package io.seatline.engine.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections whose wait for a lock held by another connection retries every quarter of a millisecond until
 * the busy timeout, instead of SQLite's own handler, which sleeps longer and longer (up to 100 ms a try) and so lets
 * a lock that is free most of the time go unclaimed for tens of milliseconds: the writer and the job worker, each
 * holding the lock for a moment at a time, would otherwise keep each other waiting far longer than they hold it.
 */
final class PromptRetries extends SQLiteDataSource {

	private static final long PAUSE_NANOS = 250_000;

	private final long timeoutNanos;

	PromptRetries(String url, long busyTimeoutMillis) {
		// the URL's settings as the config's: immediate transactions, WAL, synchronous=FULL, foreign keys
		super(new SQLiteConfig(DatabaseUrl.sqliteProperties(url)));
		setUrl(url);
		this.timeoutNanos = busyTimeoutMillis * 1_000_000;
	}

	/** A connection that keeps its prepared statements (see {@link StatementCache}). */
	@Override
	public Connection getConnection() throws SQLException {
		return StatementCache.of(getConnection(null, null));
	}

	@Override
	public org.sqlite.SQLiteConnection getConnection(String username, String password) throws SQLException {
		var connection = super.getConnection(username, password);
		BusyHandler.setHandler(connection, new Handler(this.timeoutNanos));
		return connection;
	}

	/** One connection's handler: a connection waits on one thread at a time. */
	private static final class Handler extends BusyHandler {

		private final long timeoutNanos;

		private long waitingSince;

		Handler(long timeoutNanos) {
			this.timeoutNanos = timeoutNanos;
		}

		@Override
		protected int callback(int triesBefore) {
			var now = System.nanoTime();
			if (triesBefore == 0) {
				this.waitingSince = now;
			}
			if (now - this.waitingSince >= this.timeoutNanos) {
				// give up: the statement fails with SQLITE_BUSY, which the engine answers BUSY
				return 0;
			}
			LockSupport.parkNanos(PAUSE_NANOS);
			return 1;
		}
	}
}
