package io.seatline.engine.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.engine.persistence.SeatlineDataSource;

/**
 * The engine's one db-scheduler. It runs the tasks every feature contributes ({@link ScheduledWork}) when
 * {@code seatline.jobs.worker} is on, polling for jobs that other processes scheduled and nudged at once after this
 * process commits one; and it schedules jobs through a client on a transaction-aware data source, so that a job
 * scheduled inside a business transaction commits or rolls back with it.
 */
@Component
public class Jobs implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(Jobs.class);

	private final DataSource dataSource;

	// resolved when first needed: a task's work may itself schedule jobs through this bean
	private final ObjectProvider<ScheduledWork> work;

	private final JobSettings settings;

	private final Clock clock;

	private final DatabaseUrl database;

	private volatile SchedulerClient client;

	private volatile Scheduler scheduler;

	Jobs(DataSource dataSource, ObjectProvider<ScheduledWork> work, JobSettings settings, Clock clock,
			DatabaseUrl database) {
		this.dataSource = dataSource;
		this.work = work;
		this.database = database;
		this.settings = settings;
		this.clock = clock;
	}

	private List<Task<?>> tasks() {
		return this.work.orderedStream().flatMap((feature) -> feature.tasks().stream()).toList();
	}

	/**
	 * The client that schedules, reschedules and cancels jobs; it writes through the caller's transaction when there
	 * is one.
	 */
	public SchedulerClient client() {
		var built = this.client;
		if (built == null) {
			synchronized (this) {
				built = this.client;
				if (built == null) {
					built = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(this.dataSource), tasks())
						.build();
					this.client = built;
				}
			}
		}
		return built;
	}

	/** After the current transaction commits (or now, without one), looks for due jobs rather than at the next poll. */
	public void nudgeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					nudge();
				}
			});
		}
		else {
			nudge();
		}
	}

	private void nudge() {
		var running = this.scheduler;
		if (running != null) {
			running.triggerCheckForDueExecutions();
		}
	}

	@Override
	public void start() {
		if (!this.settings.worker()) {
			logger.info("The job worker is off in this process; another process runs the jobs (emails, hold expiry)");
			return;
		}
		// the scheduler's bookkeeping on connections that commit without waiting for the disk; see SeatlineDataSource
		var builder = Scheduler.create(SeatlineDataSource.bookkeeping(this.dataSource), tasks());
		if (this.database.isSqlite()) {
			// one write transaction picks every due job of a poll: each one holds the lock bookings wait for
			builder.jdbcCustomization(new SqliteLockAndFetch());
		}
		// several workers on PostgreSQL claim due jobs with SELECT ... FOR UPDATE SKIP LOCKED
		builder.pollUsingLockAndFetch(0.5, 1.0);
		this.scheduler = builder.pollingInterval(this.settings.pollingInterval())
			.threads(this.settings.threads())
			.clock(this.clock::instant)
			.heartbeatInterval(this.settings.heartbeatInterval())
			.shutdownMaxWait(Duration.ofSeconds(5))
			.build();
		this.scheduler.start();
		logger.info("The job worker polls every " + this.settings.pollingInterval());
	}

	@Override
	public void stop() {
		var running = this.scheduler;
		this.scheduler = null;
		if (running != null) {
			running.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		// start last and stop first: the worker needs the whole engine
		return Integer.MAX_VALUE - 100;
	}
}
