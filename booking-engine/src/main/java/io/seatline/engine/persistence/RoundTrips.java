package io.seatline.engine.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements sent to the database together. On PostgreSQL they go in one message and come back in one reply: one
 * round trip for all, where each waited for the one before it (a sale's lock, reads, claim and booking). The server still runs them one by one, in order, each
 * with its own snapshot, exactly as if they had been sent one at a time; the first that fails ends the trip (the server
 * skips the rest) and is thrown as {@link JdbcTemplate} throws a failure. On SQLite, which runs statements in this
 * process, they run one by one when the trip runs.
 */
@Component
public class RoundTrips {

	private final JdbcTemplate jdbc;

	private final boolean together;

	private final TransactionTemplate reads;

	RoundTrips(JdbcTemplate jdbc, DatabaseUrl database, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.together = !database.isSqlite();
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	/** Reads how many rows a statement returned: for a change that returns a row per row it changed. */
	public static Integer count(ResultSet rows) throws SQLException {
		var count = 0;
		while (rows.next()) {
			count++;
		}
		return count;
	}

	/** A trip to fill with statements, then run. */
	public Trip start() {
		return new Trip();
	}

	/** Statements to send together, each with what reads its result; then what to do once all have run. */
	public final class Trip {

		private final List<Step<?>> steps = new ArrayList<>();

		private final List<Runnable> afterwards = new ArrayList<>();

		private boolean ran;

		private Trip() {
		}

		/**
		 * Adds a statement, run after those added before it, whose result (its rows, or none for a statement that
		 * returns none) the extractor reads; the value it makes is there once the trip has run.
		 */
		public <T> Supplier<T> add(String sql, ResultSetExtractor<T> extractor, Object... arguments) {
			if (this.ran) {
				throw new IllegalStateException("The trip has run");
			}
			var step = new Step<>(sql, extractor, arguments);
			this.steps.add(step);
			return step::value;
		}

		/**
		 * Work to do once every statement has run and its result has been read, in the order added: work that
		 * needs what the statements found (and may run statements of its own).
		 */
		public void afterwards(Runnable work) {
			this.afterwards.add(work);
		}

		/**
		 * Runs a trip of reads outside any transaction: on PostgreSQL as it is, with no transaction (its statements
		 * in one round trip, where a transaction would add two: its begin and its commit); on SQLite in a read-only
		 * transaction, whose connection is a reader's, never one the writer needs. Inside a transaction it is
		 * {@link #run()}.
		 */
		public void runReading() {
			if (together || TransactionSynchronizationManager.isActualTransactionActive()) {
				run();
			}
			else {
				reads.executeWithoutResult((status) -> run());
			}
		}

		/** Runs the statements, reads their results, then does the work added with {@link #afterwards}. */
		public void run() {
			if (this.ran) {
				throw new IllegalStateException("The trip has run");
			}
			this.ran = true;
			if (together && this.steps.size() > 1) {
				jdbc.execute((ConnectionCallback<Void>) (connection) -> {
					var sql = String.join(";\n", this.steps.stream().map(Step::sql).toList());
					try (var statement = connection.prepareStatement(sql)) {
						runTogether(statement);
					}
					return null;
				});
			}
			else {
				for (var step : this.steps) {
					step.done(jdbc.execute(step.sql(), (PreparedStatementCallback<Object>) (statement) -> {
						new ArgumentPreparedStatementSetter(step.arguments()).setValues(statement);
						return statement.execute() ? result(step, statement) : null;
					}));
				}
			}
			this.afterwards.forEach(Runnable::run);
		}

		private void runTogether(PreparedStatement statement) throws SQLException {
			var arguments = new ArrayList<Object>();
			this.steps.forEach((step) -> arguments.addAll(Arrays.asList(step.arguments())));
			new ArgumentPreparedStatementSetter(arguments.toArray()).setValues(statement);
			// every statement gives one result: rows, or a count of rows changed
			var rows = statement.execute();
			for (var step : this.steps) {
				step.done(rows ? result(step, statement) : null);
				rows = statement.getMoreResults();
			}
		}
	}

	// what the step's reader makes of the statement's current result, its rows
	private static Object result(Step<?> step, PreparedStatement statement) throws SQLException {
		try (ResultSet rows = statement.getResultSet()) {
			return step.extractor().extractData(rows);
		}
	}

	private static final class Step<T> {

		private final String sql;

		private final ResultSetExtractor<T> extractor;

		private final Object[] arguments;

		private T value;

		private boolean done;

		Step(String sql, ResultSetExtractor<T> extractor, Object[] arguments) {
			this.sql = sql;
			this.extractor = extractor;
			this.arguments = arguments;
		}

		String sql() {
			return this.sql;
		}

		ResultSetExtractor<T> extractor() {
			return this.extractor;
		}

		Object[] arguments() {
			return this.arguments;
		}

		@SuppressWarnings("unchecked")
		void done(Object value) {
			this.value = (T) value;
			this.done = true;
		}

		T value() {
			if (!this.done) {
				throw new IllegalStateException("The statement has not run yet: " + this.sql);
			}
			return this.value;
		}
	}
}
