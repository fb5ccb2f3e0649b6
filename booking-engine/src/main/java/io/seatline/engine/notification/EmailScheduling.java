package io.seatline.engine.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.seatline.engine.account.AccountDirectory;
import io.seatline.engine.booking.BookingCancelled;
import io.seatline.engine.booking.BookingConfirmed;
import io.seatline.engine.booking.BookingDetails;

/**
 * Schedules the emails of a booking inside the booking's own transaction: db-scheduler writes through a
 * transaction-aware data source, so its row commits or rolls back with the booking, and instance ids derived from the
 * booking make scheduling idempotent.
 */
@Component
class EmailScheduling {

	private final EmailJobs jobs;

	private final EmailTasks tasks;

	private final EmailWorker worker;

	private final AccountDirectory accounts;

	private final JobSettings settings;

	private final Clock clock;

	private final SchedulerClient scheduler;

	private final JdbcTemplate jdbc;

	EmailScheduling(EmailJobs jobs, EmailTasks tasks, EmailWorker worker, AccountDirectory accounts,
			JobSettings settings, Clock clock, DataSource dataSource, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.tasks = tasks;
		this.worker = worker;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
		this.scheduler = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks.all())
			.build();
	}

	@EventListener
	void bookingConfirmed(BookingConfirmed confirmed) {
		var booking = confirmed.booking();
		var now = this.clock.instant();
		var promptAt = booking.event().startsAt().plus(this.settings.reviewPromptDelay());
		// both jobs of a new booking in one statement, each recipient read in it; then their two executions in
		// one batch: the booking is new, so neither exists yet (a second call finds the jobs and adds nothing)
		var dueAt = new Instant[] { now, promptAt.isAfter(now) ? promptAt : now };
		var kinds = new EmailKind[] { EmailKind.BOOKING_CONFIRMED, EmailKind.REVIEW_PROMPT };
		var inserted = this.jdbc.update("""
				insert into email_jobs (id, version, kind, booking_id, recipient, status, attempts, due_at,
				                        next_attempt_at, created_at)
				select ?, 0, ?, ?, email, 'PENDING', 0, ?, ?, ? from accounts where id = ?
				union all
				select ?, 0, ?, ?, email, 'PENDING', 0, ?, ?, ? from accounts where id = ?
				on conflict do nothing""", kinds[0].jobId(booking.bookingId()), kinds[0].name(), booking.bookingId(),
				dueAt[0].toEpochMilli(), dueAt[0].toEpochMilli(), now.toEpochMilli(), booking.accountId(),
				kinds[1].jobId(booking.bookingId()), kinds[1].name(), booking.bookingId(), dueAt[1].toEpochMilli(),
				dueAt[1].toEpochMilli(), now.toEpochMilli(), booking.accountId());
		if (inserted == 2) {
			this.scheduler.scheduleBatch(
					List.of(SchedulableInstance.of(this.tasks.instance(kinds[0], booking.bookingId()), dueAt[0]),
							SchedulableInstance.of(this.tasks.instance(kinds[1], booking.bookingId()), dueAt[1])));
			nudgeAfterCommit();
		}
		else if (inserted != 0) {
			throw new IllegalStateException("Booking " + booking.bookingId() + " had one of its two email jobs");
		}
	}

	@EventListener
	void bookingCancelled(BookingCancelled cancelled) {
		var booking = cancelled.booking();
		var now = this.clock.instant();
		schedule(EmailKind.BOOKING_CANCELLED, booking, this.accounts.emailOf(booking.accountId()), now);
		this.jobs.findById(EmailKind.REVIEW_PROMPT.jobId(booking.bookingId())).ifPresent((prompt) -> {
			prompt.cancel();
			var instance = TaskInstanceId.of(EmailKind.REVIEW_PROMPT.taskName(), booking.bookingId());
			if (this.scheduler.getScheduledExecution(instance).isPresent()) {
				this.scheduler.cancel(instance);
			}
		});
	}

	/** Puts a failed email back in line, due now. */
	void reschedule(EmailJob job) {
		job.retry(this.clock.instant());
		var instance = this.tasks.instance(job.kind(), job.bookingId());
		if (!this.scheduler.scheduleIfNotExists(instance, this.clock.instant())) {
			this.scheduler.reschedule(instance, this.clock.instant());
		}
		nudgeAfterCommit();
	}

	private void schedule(EmailKind kind, BookingDetails booking, String recipient, Instant dueAt) {
		// one statement that also makes scheduling idempotent: a job that exists already is left as it is
		var inserted = this.jdbc.update("""
				insert into email_jobs (id, version, kind, booking_id, recipient, status, attempts, due_at,
				                        next_attempt_at, created_at)
				values (?, 0, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
				on conflict do nothing""", kind.jobId(booking.bookingId()), kind.name(), booking.bookingId(), recipient,
				dueAt.toEpochMilli(), dueAt.toEpochMilli(), this.clock.instant().toEpochMilli());
		if (inserted == 0) {
			return;
		}
		this.scheduler.scheduleIfNotExists(this.tasks.instance(kind, booking.bookingId()), dueAt);
		if (!dueAt.isAfter(this.clock.instant())) {
			nudgeAfterCommit();
		}
	}

	private void nudgeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					EmailScheduling.this.worker.nudge();
				}
			});
		}
	}
}
