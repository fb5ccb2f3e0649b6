package io.seatline.engine.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps an SQLite connection's prepared statements for the next use of the same SQL, which sqlite-jdbc does not: on
 * the write path, compiling each statement again (the claim, the ledger rows, the email jobs) took about as long as
 * running it. A statement is handed to one user at a time; its close resets it (parameters, batch, result) and puts it
 * back. A second user of the same SQL while the first still holds it gets a statement of its own, closed for real.
 * SQLite prepares a kept statement again by itself when the schema changed. The statements close with the connection.
 * A write connection takes its turn at the write lock ({@link WriteTurns}) as it begins a transaction and gives it
 * back as the transaction ends (auto-commit again, or closed); in auto-commit, it takes a turn for each statement that
 * may write. (sqlite-jdbc begins the next transaction as soon as one commits or rolls back, so the lock is only let go
 * of when auto-commit is back on.)
 */
final class StatementCache implements InvocationHandler {

	// the engine's statements number a few dozen; anything past this is prepared and closed as usual
	private static final int MAX_STATEMENTS = 128;

	private final Connection connection;

	private final Map<String, Kept> kept = new HashMap<>();

	private final WriteTurns turns;

	private final long busyTimeoutMillis;

	/** The connection's busy handler, told how long the statement that takes a turn already waited for it. */
	private final PromptRetries.Handler waits;

	private boolean hasTurn;

	private Connection proxy;

	private StatementCache(Connection connection, WriteTurns turns, long busyTimeoutMillis,
			PromptRetries.Handler waits) {
		this.connection = connection;
		this.turns = turns;
		this.busyTimeoutMillis = busyTimeoutMillis;
		this.waits = waits;
	}

	/** A read-only connection, keeping its prepared statements until it closes. */
	static Connection of(Connection connection) {
		return of(connection, null, 0, null);
	}

	/**
	 * A write connection, keeping its prepared statements until it closes and taking its turns at the write lock
	 * among {@code turns}, waiting for one at most {@code busyTimeoutMillis}; what a statement waited for its turn
	 * counts toward its wait in SQLite ({@code waits}, the connection's busy handler).
	 */
	static Connection of(Connection connection, WriteTurns turns, long busyTimeoutMillis,
			PromptRetries.Handler waits) {
		var cache = new StatementCache(connection, turns, busyTimeoutMillis, waits);
		cache.proxy = (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
				new Class<?>[] { Connection.class }, cache);
		return cache.proxy;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.getName().equals("prepareStatement") && args != null && args.length == 1
				&& args[0] instanceof String sql) {
			return prepare(sql);
		}
		if (method.getName().equals("close") && (args == null || args.length == 0)) {
			closeKept();
		}
		if (this.turns == null) {
			return call(this.connection, method, args);
		}
		var name = method.getName();
		// a begin (sqlite-jdbc runs BEGIN IMMEDIATE, which takes the lock) takes a turn; the end of a transaction
		// (auto-commit again: a failed commit leaves SQLite's lock to guard what is left) or a close gives it back
		boolean begins = name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0])
				&& this.connection.getAutoCommit();
		boolean ends = name.equals("close") || (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]));
		if (begins) {
			takeTurn();
		}
		try {
			return call(this.connection, method, args);
		}
		catch (Throwable ex) {
			if (begins) {
				giveTurn();
			}
			throw ex;
		}
		finally {
			if (begins) {
				this.waits.statementDone();
			}
			if (ends) {
				giveTurn();
			}
		}
	}

	private void takeTurn() throws SQLException {
		if (!this.hasTurn) {
			var since = System.nanoTime();
			this.turns.take(this.busyTimeoutMillis);
			this.hasTurn = true;
			this.waits.waitedForTurnSince(since);
		}
	}

	private void giveTurn() {
		if (this.hasTurn) {
			this.hasTurn = false;
			this.turns.give();
		}
	}

	/** Runs a statement that may write: in auto-commit, in a turn of its own. */
	private Object write(PreparedStatement statement, Method method, Object[] args) throws Throwable {
		if (this.turns == null || this.hasTurn || !this.connection.getAutoCommit()) {
			return call(statement, method, args);
		}
		takeTurn();
		try {
			return call(statement, method, args);
		}
		finally {
			this.waits.statementDone();
			giveTurn();
		}
	}

	private PreparedStatement prepare(String sql) throws SQLException {
		var found = this.kept.get(sql);
		if (found != null && !found.lent) {
			found.lent = true;
			return found.proxy;
		}
		var statement = this.connection.prepareStatement(sql);
		if (found != null || this.kept.size() >= MAX_STATEMENTS) {
			return statement;
		}
		var fresh = new Kept(statement);
		this.kept.put(sql, fresh);
		fresh.lent = true;
		return fresh.proxy;
	}

	private void closeKept() {
		for (var statement : this.kept.values()) {
			try {
				statement.statement.close();
			}
			catch (SQLException ex) {
				// the connection closes next, which finalizes what is left
			}
		}
		this.kept.clear();
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** One kept statement and the face its users see. */
	private final class Kept implements InvocationHandler {

		private final PreparedStatement statement;

		private final PreparedStatement proxy;

		private boolean lent;

		private ResultSet result;

		Kept(PreparedStatement statement) {
			this.statement = statement;
			this.proxy = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
					new Class<?>[] { PreparedStatement.class }, this);
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close":
					giveBack();
					return null;
				case "isClosed":
					return !this.lent || this.statement.isClosed();
				case "getConnection":
					return StatementCache.this.proxy;
				case "executeQuery":
					this.result = (ResultSet) call(this.statement, method, args);
					return this.result;
				case "execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch":
					return write(this.statement, method, args);
				default:
					return call(this.statement, method, args);
			}
		}

		private void giveBack() throws SQLException {
			if (!this.lent) {
				return;
			}
			try {
				if (this.result != null && !this.result.isClosed()) {
					// ends the statement's read of the database, which a kept statement must not hold
					this.result.close();
				}
				this.result = null;
				this.statement.clearBatch();
				this.statement.clearParameters();
				this.statement.setQueryTimeout(0);
				this.statement.setMaxRows(0);
				this.lent = false;
			}
			catch (SQLException | RuntimeException ex) {
				// a statement that cannot be reset is not kept
				StatementCache.this.kept.values().remove(this);
				this.statement.close();
			}
		}
	}
}
