package io.seatline.engine.jobs;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.testapp.EngineTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Jobs completing at the same time share one bookkeeping transaction, on a real SQLite file, raced by real threads;
 * the lock they wait for is held by a connection outside the engine's pools, as another process would hold it.
 */
@EngineTest
class JobCompletionsTests {

	private static final String TASK = "completion-test";

	@Autowired
	JobCompletions completions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseUrl database;

	/** Threads of their own: a completion waits for others, which the common pool may not have room for. */
	private final ExecutorService threads = Executors.newCachedThreadPool();

	@BeforeEach
	void markTable() {
		this.jdbc.execute("create table if not exists completion_marks (id text primary key)");
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void completionsThatArriveWhileATransactionWaitsForTheLockShareTheNextOne() throws Exception {
		var executions = picked(8);
		var before = this.completions.counts();
		List<CompletableFuture<Void>> done = new ArrayList<>();
		try (var holder = DriverManager.getConnection(this.database.jdbcUrl());
				var statement = holder.createStatement()) {
			statement.execute("begin immediate");
			// the first leads a transaction that waits for the lock; the other seven wait for it
			done.add(completeAsync(executions.get(0)));
			await().atMost(Duration.ofSeconds(2))
				.until(() -> this.completions.leading() && this.completions.waitingCount() == 0);
			for (var execution : executions.subList(1, executions.size())) {
				done.add(completeAsync(execution));
			}
			await().atMost(Duration.ofSeconds(2)).until(() -> this.completions.waitingCount() == 7);
			statement.execute("commit");
		}
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
		var after = this.completions.counts();
		assertThat(after.completions() - before.completions()).isEqualTo(8);
		assertThat(after.transactions() - before.transactions()).as("the first alone, then the seven together")
			.isEqualTo(2);
		assertThat(marked(executions)).isEqualTo(8);
		assertThat(scheduled(executions)).isZero();
	}

	@Test
	void aTransactionThatCannotGetTheLockKeepsNeitherMarkNorRemovalAndTheNextOneCommits() throws Exception {
		var executions = picked(2);
		try (var holder = DriverManager.getConnection(this.database.jdbcUrl());
				var statement = holder.createStatement()) {
			statement.execute("begin immediate");
			// held past the busy timeout: the completion fails, as every one of its transaction would
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> complete(executions.get(0)));
			statement.execute("commit");
		}
		assertThat(marked(executions.subList(0, 1))).isZero();
		assertThat(scheduled(executions.subList(0, 1))).as("left picked, to be found dead and run again").isOne();
		// once the lock is free, completions commit again
		complete(executions.get(1));
		assertThat(marked(executions.subList(1, 2))).isOne();
		assertThat(scheduled(executions.subList(1, 2))).isZero();
		assertThat(this.completions.leading()).isFalse();
	}

	@Test
	void manyThreadsCompletingAtOnceEachCommitOnceAndNoneIsLeftWaiting() throws Exception {
		var executions = picked(8 * 100);
		var before = this.completions.counts();
		List<CompletableFuture<Void>> threadsDone = new ArrayList<>();
		for (var thread = 0; thread < 8; thread++) {
			var mine = executions.subList(thread * 100, (thread + 1) * 100);
			threadsDone.add(CompletableFuture.runAsync(() -> mine.forEach(this::complete), this.threads));
		}
		CompletableFuture.allOf(threadsDone.toArray(CompletableFuture[]::new)).get();
		var after = this.completions.counts();
		assertThat(after.completions() - before.completions()).isEqualTo(800);
		assertThat(after.transactions() - before.transactions()).as("shared").isLessThan(800);
		assertThat(marked(executions)).isEqualTo(800);
		assertThat(scheduled(executions)).isZero();
		assertThat(this.completions.leading()).isFalse();
	}

	@Test
	void onlyTheVersionThatWasPickedIsRemoved() {
		var execution = picked(1).get(0);
		// run again meanwhile (found dead and revived, say): its row has moved on to a later version
		this.jdbc.update("update scheduled_tasks set version = version + 1 where task_name = ? and task_instance = ?",
				TASK, execution.taskInstance.getId());
		complete(execution);
		assertThat(scheduled(List.of(execution))).isOne();
		assertThat(marked(List.of(execution))).isOne();
	}

	private CompletableFuture<Void> completeAsync(Execution execution) {
		return CompletableFuture.runAsync(() -> complete(execution), this.threads);
	}

	private void complete(Execution execution) {
		this.completions.complete(
				List.of(new JobStatement("insert into completion_marks (id) values (?)", execution.taskInstance.getId())),
				execution);
	}

	/** Executions as a worker holds them while it runs them: picked, so that no worker here picks them too. */
	private List<Execution> picked(int count) {
		var executions = new ArrayList<Execution>();
		for (var i = 0; i < count; i++) {
			var id = UUID.randomUUID().toString();
			this.jdbc.update("""
					insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
					                             consecutive_failures, version, priority)
					values (?, ?, ?, 1, 'test', 0, 3, 0)""", TASK, id, Instant.now().toEpochMilli());
			executions.add(new Execution(Instant.now(), new TaskInstance<>(TASK, id), true, "test", null, null, 0, null,
					3));
		}
		return executions;
	}

	private int marked(List<Execution> executions) {
		return count("completion_marks", "id", executions);
	}

	private int scheduled(List<Execution> executions) {
		return count("scheduled_tasks", "task_instance", executions);
	}

	private int count(String table, String column, List<Execution> executions) {
		var ids = executions.stream().map((execution) -> execution.taskInstance.getId()).toList();
		var total = 0;
		for (var id : ids) {
			total += this.jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?",
					Integer.class, id);
		}
		return total;
	}
}
