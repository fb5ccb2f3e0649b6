package io.seatline.engine.persistence;

import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The turns this process's SQLite write connections take at the file's write lock, first come first served: a
 * connection takes its turn before it begins a transaction or runs a write in auto-commit, and gives it back when the
 * transaction ends or the write finished. Waiting here costs nothing, where waiting in SQLite means trying the lock
 * again and again: under load the writer holds it nearly all the time, letting go of it for a moment between two
 * commits, and the email worker's threads tried for it thousands of times a second, taking a third of the machine,
 * mostly in vain. With turns, a connection that finishes hands the lock to the one that waited longest, the writer
 * included. A holder in another process is still waited for in SQLite ({@link PromptRetries}).
 * <p>
 * A thread that holds a turn takes it again for another connection without waiting (as SQLite would refuse that
 * second connection anyway, only later); a turn given back from another thread (a connection closed there) counts
 * as given back.
 */
final class WriteTurns {

	private final Semaphore lock = new Semaphore(1, true);

	private Thread holder;

	private int holds;

	/**
	 * Waits for this thread's turn, at most {@code timeoutMillis}; past that it is SQLite's own busy failure, which
	 * the engine answers busy.
	 */
	void take(long timeoutMillis) throws SQLException {
		var thread = Thread.currentThread();
		synchronized (this) {
			if (this.holder == thread) {
				this.holds++;
				return;
			}
		}
		try {
			if (!this.lock.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
				throw new SQLiteException("[SQLITE_BUSY] The database file is locked (another connection of this "
						+ "process held the write lock past the busy timeout of " + timeoutMillis + " ms)",
						SQLiteErrorCode.SQLITE_BUSY);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLiteException("[SQLITE_INTERRUPT] Interrupted while waiting for the write lock",
					SQLiteErrorCode.SQLITE_INTERRUPT);
		}
		synchronized (this) {
			this.holder = thread;
			this.holds = 1;
		}
	}

	/** True while a connection waits for its turn. */
	boolean hasWaiting() {
		return this.lock.hasQueuedThreads();
	}

	/** Gives back one turn taken with {@link #take}. */
	synchronized void give() {
		if (this.holds == 0) {
			throw new IllegalStateException("No turn to give back");
		}
		this.holds--;
		if (this.holds == 0) {
			this.holder = null;
			this.lock.release();
		}
	}
}
