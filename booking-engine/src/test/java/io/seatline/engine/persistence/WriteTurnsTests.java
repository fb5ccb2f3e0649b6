package io.seatline.engine.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The write connections' turns at a real SQLite file's write lock, raced by real threads. */
class WriteTurnsTests {

	@TempDir
	Path folder;

	/** Threads of their own: the common pool may have one, which a waiting worker would keep from the others. */
	private final ExecutorService threads = Executors.newCachedThreadPool();

	private PromptRetries connections;

	@BeforeEach
	void createTable() throws SQLException {
		this.connections = connections(2000);
		try (var connection = this.connections.getConnection(); var statement = connection.createStatement()) {
			statement.execute("create table writes (id integer primary key autoincrement, who text not null)");
		}
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	private PromptRetries connections(long busyTimeoutMillis) {
		var url = new DatabaseUrl("jdbc:sqlite:" + this.folder.resolve("turns.db"));
		return new PromptRetries(url.jdbcUrl(), busyTimeoutMillis);
	}

	@Test
	void aWriterThatBeginsAgainAtOnceLetsTheConnectionThatWaitedWriteFirst() throws Exception {
		try (var writer = this.connections.getConnection(); var worker = this.connections.getConnection()) {
			writer.setAutoCommit(false);
			insert(writer, "writer");
			// the worker's write in auto-commit waits for the writer's transaction
			var waiting = CompletableFuture.runAsync(() -> insertQuietly(worker, "worker"), this.threads);
			await().atMost(Duration.ofSeconds(5)).until(this.connections.turns()::hasWaiting);
			// the writer ends its transaction and begins the next ones at once, as the write path does under load
			for (int i = 0; i < 20; i++) {
				writer.commit();
				writer.setAutoCommit(true);
				writer.setAutoCommit(false);
				insert(writer, "writer");
			}
			writer.commit();
			writer.setAutoCommit(true);
			waiting.get(5, TimeUnit.SECONDS);
		}
		assertThat(writers()).as("who wrote, in order").startsWith("writer", "worker").hasSize(22);
	}

	@Test
	void aTurnNotHadWithinTheBusyTimeoutIsSqliteBusy() throws Exception {
		var impatient = connections(200);
		try (var writer = this.connections.getConnection(); var worker = impatient.getConnection()) {
			writer.setAutoCommit(false);
			insert(writer, "writer");
			long started = System.nanoTime();
			assertThatExceptionOfType(SQLiteException.class).isThrownBy(() -> insert(worker, "worker"))
				.satisfies((ex) -> assertThat(ex.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_BUSY));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150),
					Duration.ofSeconds(2));
			writer.commit();
			writer.setAutoCommit(true);
			// the failed wait took nothing: the next write has its turn at once
			insert(worker, "worker");
		}
		assertThat(writers()).containsExactly("writer", "worker");
	}

	@Test
	void aWriteThatWaitedForItsTurnBehindAVainWaitGivesUpWhenItsOwnBusyTimeoutIsOver() throws Exception {
		aWriteBehindAVainWaitGivesUpWhenItsOwnBusyTimeoutIsOver((second) -> {
		});
	}

	@Test
	void aStatementWithAQueryTimeoutLeavesTheConnectionsOwnWaitForTheLockInPlace() throws Exception {
		// sqlite-jdbc runs a statement that has a query timeout (every statement of a Spring transaction with a
		// time limit) under a busy timeout of that many seconds, and sets the connection's configured one again after
		// it: SQLite's own handler in both cases, instead of the connection's, unless the connection keeps its own
		aWriteBehindAVainWaitGivesUpWhenItsOwnBusyTimeoutIsOver((second) -> {
			try (var statement = second.prepareStatement("select count(*) from writes")) {
				statement.setQueryTimeout(30);
				statement.executeQuery().close();
			}
		});
	}

	private void aWriteBehindAVainWaitGivesUpWhenItsOwnBusyTimeoutIsOver(ConnectionWork beforeSecond)
			throws Exception {
		var patience = Duration.ofMillis(1000);
		var connections = connections(patience.toMillis());
		var url = new DatabaseUrl("jdbc:sqlite:" + this.folder.resolve("turns.db"));
		// the write lock held elsewhere: a connection that takes no turns, as another process's
		try (var elsewhere = DriverManager.getConnection(url.jdbcUrl());
				var first = connections.getConnection();
				var second = connections.getConnection()) {
			beforeSecond.accept(second);
			elsewhere.setAutoCommit(false);
			insert(elsewhere, "elsewhere");
			var firstFails = CompletableFuture.runAsync(() -> insertQuietly(first, "first"), this.threads);
			// the first has its turn at once, and waits in SQLite, in vain; the second waits for its turn meanwhile
			Thread.sleep(300);
			assertThat(firstFails).isNotDone();
			long started = System.nanoTime();
			var secondFails = CompletableFuture.runAsync(() -> insertQuietly(second, "second"), this.threads);
			assertThat(secondFails).failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.havingRootCause()
				.isInstanceOfSatisfying(SQLiteException.class,
						(ex) -> assertThat(ex.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_BUSY));
			var waited = Duration.ofNanos(System.nanoTime() - started);
			assertThat(firstFails).failsWithin(Duration.ofSeconds(5));
			assertThat(waited).as("how long the second write waited, its turn and the lock together")
				.isBetween(patience.minusMillis(100), patience.plusMillis(400));
			elsewhere.rollback();
		}
		assertThat(writers()).isEmpty();
	}

	@Test
	void aQueryTimeoutShorterThanTheBusyTimeoutBoundsTheStatementsWaitForTheLock() throws Exception {
		var url = new DatabaseUrl("jdbc:sqlite:" + this.folder.resolve("turns.db"));
		// the write lock held elsewhere: a connection that takes no turns, as another process's
		try (var elsewhere = DriverManager.getConnection(url.jdbcUrl());
				var writer = this.connections.getConnection();
				var statement = writer.prepareStatement("insert into writes (who) values ('writer')")) {
			elsewhere.setAutoCommit(false);
			insert(elsewhere, "elsewhere");
			// the connection's busy timeout is 2 s; what is left of a transaction's time limit, 1 s here, is less
			statement.setQueryTimeout(1);
			long started = System.nanoTime();
			assertThatExceptionOfType(SQLiteException.class).isThrownBy(statement::executeUpdate)
				.satisfies((ex) -> assertThat(ex.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_BUSY));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("how long the write waited for the lock")
				.isBetween(Duration.ofMillis(900), Duration.ofMillis(1500));
			elsewhere.rollback();
		}
		assertThat(writers()).isEmpty();
	}

	@Test
	void aConnectionClosedInItsTransactionGivesItsTurnBack() throws Exception {
		try (var worker = this.connections.getConnection()) {
			var writer = this.connections.getConnection();
			writer.setAutoCommit(false);
			insert(writer, "writer");
			var waiting = CompletableFuture.runAsync(() -> insertQuietly(worker, "worker"), this.threads);
			await().atMost(Duration.ofSeconds(5)).until(this.connections.turns()::hasWaiting);
			// closed from another thread than the one that took the turn, as a pool may
			CompletableFuture.runAsync(() -> closeQuietly(writer), this.threads).get(5, TimeUnit.SECONDS);
			waiting.get(5, TimeUnit.SECONDS);
		}
		assertThat(writers()).containsExactly("worker");
	}

	@Test
	void aThreadInATransactionReadsThroughASecondConnectionWithoutWaitingForItself() throws Exception {
		try (var writer = this.connections.getConnection(); var second = this.connections.getConnection()) {
			writer.setAutoCommit(false);
			insert(writer, "writer");
			// execute() may write, so it takes a turn: this thread has one already
			try (var statement = second.prepareStatement("select count(*) from writes")) {
				assertThat(statement.execute()).isTrue();
				try (var rows = statement.getResultSet()) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getInt(1)).as("the writer's row is not committed").isZero();
				}
			}
			writer.commit();
			writer.setAutoCommit(true);
		}
		assertThat(writers()).containsExactly("writer");
	}

	/** Work on a connection that may throw what JDBC throws. */
	@FunctionalInterface
	private interface ConnectionWork {

		void accept(Connection connection) throws SQLException;

	}

	private static void insert(Connection connection, String who) throws SQLException {
		try (var statement = connection.prepareStatement("insert into writes (who) values (?)")) {
			statement.setString(1, who);
			statement.executeUpdate();
		}
	}

	private static void insertQuietly(Connection connection, String who) {
		try {
			insert(connection, who);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> writers() throws SQLException {
		var who = new ArrayList<String>();
		try (var connection = this.connections.getConnection();
				var rows = connection.createStatement().executeQuery("select who from writes order by id")) {
			while (rows.next()) {
				who.add(rows.getString(1));
			}
		}
		return who;
	}
}
