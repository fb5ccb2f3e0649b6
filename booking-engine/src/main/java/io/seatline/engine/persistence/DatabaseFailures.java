package io.seatline.engine.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

import io.seatline.engine.error.Busy;

/**
 * Tells a database that is unavailable for now (locked past its timeout, a full disk, an I/O error, a read-only
 * file, a lost connection, a transaction over its time limit) from every other failure. Such a failure changes
 * nothing, is answered {@link Busy}, and the connection that saw it is never reused.
 */
public final class DatabaseFailures {

	// SQLite's primary result codes that say "not now": BUSY, LOCKED, NOMEM, READONLY, INTERRUPT, IOERR, CORRUPT,
	// FULL, CANTOPEN, PROTOCOL, NOTADB
	private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 26);

	private static final int SQLITE_ERROR = 1;

	private static final int SQLITE_READONLY = 8;

	// PostgreSQL's SQLSTATE classes and codes of the same kind: connection exceptions, insufficient resources (disk
	// full), operator intervention (shutdown, cancel), system errors, lock and statement timeouts, and the
	// serialization failures and deadlocks that a retry resolves
	private static final Set<String> POSTGRES_CLASSES = Set.of("08", "53", "57", "58");

	private static final Set<String> POSTGRES_CODES = Set.of("40001", "40P01", "55P03");

	private DatabaseFailures() {
	}

	/** True when the failure says the database cannot serve now, rather than that the request or the code is wrong. */
	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PessimisticLockingFailureException || cause instanceof ObjectOptimisticLockingFailureException
					|| cause instanceof CannotCreateTransactionException || cause instanceof TransactionTimedOutException
					|| cause instanceof QueryTimeoutException || cause instanceof TransientDataAccessResourceException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof TransactionSystemException) {
				// a commit or rollback that failed: the transaction's outcome is the database's, not the request's
				return true;
			}
			if (cause instanceof SQLException sql && isUnavailable(sql)) {
				return true;
			}
			if (cause.getClass().getName().equals("org.hibernate.TransactionException")
					&& String.valueOf(cause.getMessage()).contains("timeout")) {
				return true;
			}
		}
		return false;
	}

	/** True for an SQL error of an unavailable database (see {@link #isUnavailable(Throwable)}). */
	public static boolean isUnavailable(SQLException ex) {
		var state = ex.getSQLState();
		if (state != null && state.length() == 5) {
			if (POSTGRES_CLASSES.contains(state.substring(0, 2)) || POSTGRES_CODES.contains(state)) {
				return true;
			}
		}
		if (isSqlite(ex)) {
			var code = ex.getErrorCode() & 0xff;
			if (SQLITE_UNAVAILABLE.contains(code)) {
				return true;
			}
			// a connection whose transaction state no longer matches the driver's ("cannot start a transaction
			// within a transaction", "cannot commit - no transaction is active") must not be trusted again
			return code == SQLITE_ERROR && String.valueOf(ex.getMessage()).contains("transaction");
		}
		return ex instanceof SQLTransientConnectionException;
	}

	/** True for SQLite's "attempt to write a readonly database", which a connection opened read-only gives. */
	public static boolean isReadOnlyConnection(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && isSqlite(sql) && (sql.getErrorCode() & 0xff) == SQLITE_READONLY) {
				return true;
			}
		}
		return false;
	}

	/** True for a failure that another try, in a transaction of its own, may not meet: a deadlock or a lost race. */
	public static boolean isWorthRetryingAlone(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState())
					|| "40P01".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/** The failure as the engine's {@link Busy} when the database is unavailable; otherwise the failure itself. */
	public static RuntimeException translate(RuntimeException failure) {
		return isUnavailable(failure) ? busy() : failure;
	}

	/** The refusal for an unavailable database. */
	public static Busy busy() {
		return new Busy("The database is busy or unavailable; nothing was changed. Try again in a moment");
	}

	private static boolean isSqlite(SQLException ex) {
		return ex.getClass().getName().startsWith("org.sqlite.");
	}
}
