package io.seatline.engine.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.seatline.engine.persistence.SeatlineDataSource;

/**
 * Completes jobs that finished at about the same time in one bookkeeping transaction: each job's execution is
 * removed together with the job's own last statements (an email's {@code SENT} mark), and the jobs that finished
 * while one such transaction waited for the write lock share the next one (group commit, as the booking writer's,
 * but without its fsync: db-scheduler's own bookkeeping does not wait for the disk either). On SQLite every write
 * transaction takes its turn at the one write lock the booking writer needs; an email finished this way costs it a
 * share of one turn, where its mark and its removal in auto-commit cost two turns. A job's mark and its removal are
 * kept together or not at all.
 * <p>
 * A completion returns once its transaction committed; if it could not (the database locked past its timeout, the
 * disk full), every completion of that transaction throws, and db-scheduler leaves the executions picked: they are
 * run again once found dead, and a job that sees its work done (an email no longer pending) does not do it again.
 */
@Component
public class JobCompletions {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AtomicLong transactionsCommitted = new AtomicLong();

	private final AtomicLong completionsCommitted = new AtomicLong();

	// the completions waiting for the next transaction, and whether a thread is running one (the leader)
	private List<Completion> waiting = new ArrayList<>();

	private boolean leading;

	JobCompletions(DataSource dataSource) {
		var bookkeeping = SeatlineDataSource.bookkeeping(dataSource);
		this.jdbc = new JdbcTemplate(bookkeeping);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(bookkeeping));
	}

	/**
	 * A completion handler that removes the finished execution together with these statements of the job's own, in
	 * one transaction shared with the jobs completing at the same time.
	 */
	public <T> CompletionHandler<T> removeWith(JobStatement... statements) {
		return (complete, operations) -> complete(List.of(statements), complete.getExecution());
	}

	/** How many bookkeeping transactions committed, and how many job completions they carried, since start. */
	public Counts counts() {
		return new Counts(this.transactionsCommitted.get(), this.completionsCommitted.get());
	}

	/** Transactions and the completions they carried: more completions than transactions means they were shared. */
	public record Counts(long transactions, long completions) {
	}

	/** True while a thread runs a transaction of completions. */
	synchronized boolean leading() {
		return this.leading;
	}

	/** How many completions wait for the next transaction. */
	synchronized int waitingCount() {
		return this.waiting.size();
	}

	void complete(List<JobStatement> statements, Execution execution) {
		var mine = new Completion(statements, execution);
		synchronized (this) {
			this.waiting.add(mine);
			if (!this.leading) {
				this.leading = true;
				mine.turn.complete(Turn.LEAD);
			}
		}
		if (awaitTurn(mine) == Turn.DONE) {
			return;
		}
		List<Completion> batch;
		synchronized (this) {
			batch = this.waiting;
			this.waiting = new ArrayList<>();
		}
		// any failure, an Error included: a completion left waiting would keep its worker thread forever
		Throwable failure = null;
		try {
			commit(batch);
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
		}
		finally {
			handOver();
		}
		for (var completion : batch) {
			if (completion != mine) {
				if (failure == null) {
					completion.turn.complete(Turn.DONE);
				}
				else {
					completion.turn.completeExceptionally(failure);
				}
			}
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
	}

	// the next transaction is led by the first completion that arrived while this one ran, if any
	private synchronized void handOver() {
		if (this.waiting.isEmpty()) {
			this.leading = false;
		}
		else {
			this.waiting.get(0).turn.complete(Turn.LEAD);
		}
	}

	private void commit(List<Completion> batch) {
		this.transactions.executeWithoutResult((status) -> {
			for (var completion : batch) {
				for (var statement : completion.statements) {
					this.jdbc.update(statement.sql(), statement.arguments());
				}
				// as db-scheduler removes a finished one-time execution: only the version it picked
				var execution = completion.execution;
				this.jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance = ? and version = ?",
						execution.taskInstance.getTaskName(), execution.taskInstance.getId(), execution.version);
			}
		});
		this.transactionsCommitted.incrementAndGet();
		this.completionsCommitted.addAndGet(batch.size());
	}

	// a wait bounded by the leader's transaction, itself bounded by the database's busy timeout
	private static Turn awaitTurn(Completion completion) {
		try {
			return completion.turn.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

	private enum Turn {

		/** Run the next transaction, with every completion waiting then. */
		LEAD,

		/** Committed by another completion's transaction. */
		DONE

	}

	private record Completion(List<JobStatement> statements, Execution execution, CompletableFuture<Turn> turn) {

		Completion(List<JobStatement> statements, Execution execution) {
			this(statements, execution, new CompletableFuture<>());
		}
	}
}
