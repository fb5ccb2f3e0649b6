package io.seatline.engine.persistence;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.error.Busy;
import io.seatline.testapp.EngineTestApplication;
import io.seatline.testapp.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes through the engine's write path while the lock of a real SQLite file is held outside the engine, with a
 * busy timeout of one second: the whole engine, its pools and its transactions with a time limit included.
 */
class BusyWritesTests {

	private static final Duration BUSY_TIMEOUT = Duration.ofMillis(1000);

	private final Path database = Path.of("target", "test-databases", "busy-" + UUID.randomUUID() + ".db")
		.toAbsolutePath();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void aWriteBehindTheEmailWorkersVainWaitIsRefusedWithinItsBusyTimeoutAfterTransactionsWithATimeLimit()
			throws Exception {
		var url = "jdbc:sqlite:" + this.database + "?busy_timeout=" + BUSY_TIMEOUT.toMillis();
		try (var engine = new SpringApplicationBuilder(EngineTestApplication.class, TestClockConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + url, "ADMIN_PASSWORD=unused-password-1",
					"seatline.jobs.outbox-dir=" + this.database.resolveSibling("outbox-" + UUID.randomUUID()))
			.run()) {
			var writes = engine.getBean(WritePath.class);
			var jdbc = engine.getBean(JdbcTemplate.class);
			var jobs = engine.getBean(SeatlineDataSource.class).jobs();
			// write transactions have a time limit, so each of their statements has a query timeout, which
			// sqlite-jdbc turns into a busy timeout of its own
			writes.run(() -> jdbc.update("create table busy_probe (who text not null)"));
			for (int i = 0; i < 3; i++) {
				writes.run(() -> jdbc.update("insert into busy_probe (who) values ('before')"));
			}
			// the write lock held outside the engine, as by another process; a write connection of the engine (the
			// email worker's pool) takes its turn and waits for it in vain
			try (var elsewhere = DriverManager.getConnection(new DatabaseUrl(url).jdbcUrl())) {
				elsewhere.setAutoCommit(false);
				elsewhere.createStatement().executeUpdate("insert into busy_probe (who) values ('elsewhere')");
				var worker = CompletableFuture.runAsync(() -> {
					try (var connection = jobs.getConnection();
							var statement = connection.prepareStatement(
									"insert into busy_probe (who) values ('worker')")) {
						statement.executeUpdate();
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}, this.threads);
				Thread.sleep(300);
				assertThat(worker).as("the worker's write, waiting").isNotDone();

				long started = System.nanoTime();
				assertThatExceptionOfType(Busy.class)
					.isThrownBy(() -> writes.run(() -> jdbc.update("insert into busy_probe (who) values ('writer')")));
				var waited = Duration.ofNanos(System.nanoTime() - started);

				assertThat(worker).failsWithin(Duration.ofSeconds(5));
				assertThat(waited).as("how long the refused write waited, its turn and the lock together")
					.isBetween(BUSY_TIMEOUT.minusMillis(100), BUSY_TIMEOUT.plusMillis(400));
				elsewhere.rollback();
			}
			assertThat(jdbc.queryForList("select who from busy_probe", String.class)).as("what was written")
				.containsExactly("before", "before", "before");
		}
	}
}
