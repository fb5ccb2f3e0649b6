package io.seatline.engine.notification;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.engine.persistence.SeatlineDataSource;

/**
 * The db-scheduler worker that sends due emails, when {@code seatline.jobs.worker} is on. It polls for jobs that
 * other processes scheduled, and is nudged at once after this process commits one.
 */
@Component
class EmailWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EmailWorker.class);

	private final DataSource dataSource;

	private final EmailTasks tasks;

	private final JobSettings settings;

	private final Clock clock;

	private final DatabaseUrl database;

	private volatile Scheduler scheduler;

	EmailWorker(DataSource dataSource, EmailTasks tasks, JobSettings settings, Clock clock, DatabaseUrl database) {
		this.dataSource = dataSource;
		this.database = database;
		this.tasks = tasks;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!this.settings.worker()) {
			logger.info("The email worker is off in this process; another process sends the emails");
			return;
		}
		// the scheduler's bookkeeping on connections that commit without waiting for the disk; see SeatlineDataSource
		var bookkeeping = (this.dataSource instanceof SeatlineDataSource pools) ? pools.jobs() : this.dataSource;
		var builder = Scheduler.create(bookkeeping, this.tasks.all());
		if (this.database.isSqlite()) {
			// one write transaction picks every due email of a poll: each one holds the lock bookings wait for
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
		logger.info("The email worker polls every " + this.settings.pollingInterval());
	}

	/** Looks for due jobs now rather than at the next poll. */
	void nudge() {
		var running = this.scheduler;
		if (running != null) {
			running.triggerCheckForDueExecutions();
		}
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
