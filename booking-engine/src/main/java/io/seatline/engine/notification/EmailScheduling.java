package io.seatline.engine.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.seatline.engine.account.AccountDirectory;
import io.seatline.engine.booking.BookingCancelled;
import io.seatline.engine.booking.BookingConfirmed;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.EventCancelled;
import io.seatline.engine.catalog.EventMoved;
import io.seatline.engine.jobs.JobSettings;
import io.seatline.engine.jobs.Jobs;
import io.seatline.engine.persistence.RowsAtCommit;

/**
 * Schedules the emails of a booking inside the booking's own transaction: db-scheduler writes through a
 * transaction-aware data source, so its row commits or rolls back with the booking, and instance ids derived from the
 * booking make scheduling idempotent.
 */
@Component
class EmailScheduling {

	// bookings per statement: well under the databases' limits of parameters
	private static final int CHUNK = 500;

	private final EmailJobs jobs;

	private final EmailTasks tasks;

	private final Jobs worker;

	private final AccountDirectory accounts;

	private final JobSettings settings;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	// the jobs of the bookings a write confirms, written together at its commit; a listener that reads or changes
	// jobs asks for them first
	private final RowsAtCommit.Destination<Confirmation> confirmations = this::writeConfirmations;

	EmailScheduling(EmailJobs jobs, EmailTasks tasks, Jobs worker, AccountDirectory accounts,
			JobSettings settings, Clock clock, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.tasks = tasks;
		this.worker = worker;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void bookingConfirmed(BookingConfirmed confirmed) {
		var booking = confirmed.booking();
		var now = this.clock.instant();
		var promptAt = booking.event().startsAt().plus(this.settings.reviewPromptDelay());
		RowsAtCommit.add(this.confirmations,
				new Confirmation(booking.bookingId(), booking.accountId(), now, promptAt.isAfter(now) ? promptAt : now));
		nudgeAfterCommit();
	}

	/** The two jobs of a new booking: its confirmation, due now, and its review prompt. */
	private record Confirmation(String bookingId, String accountId, Instant now, Instant promptAt) {
	}

	// both jobs of each new booking of the write, each recipient read in the statement, in one batch; then their
	// executions in one batch: the bookings are new, so none of their jobs exists yet
	private void writeConfirmations(List<Confirmation> confirmations) {
		var kinds = new EmailKind[] { EmailKind.BOOKING_CONFIRMED, EmailKind.REVIEW_PROMPT };
		var inserted = this.jdbc.batchUpdate("""
				insert into email_jobs (id, version, kind, booking_id, recipient, status, attempts, due_at,
				                        next_attempt_at, created_at)
				select ?, 0, ?, ?, email, 'PENDING', 0, ?, ?, ? from accounts where id = ?
				union all
				select ?, 0, ?, ?, email, 'PENDING', 0, ?, ?, ? from accounts where id = ?
				on conflict do nothing""", confirmations.stream().map((booking) -> new Object[] {
				kinds[0].jobId(booking.bookingId()), kinds[0].name(), booking.bookingId(), booking.now().toEpochMilli(),
				booking.now().toEpochMilli(), booking.now().toEpochMilli(), booking.accountId(),
				kinds[1].jobId(booking.bookingId()), kinds[1].name(), booking.bookingId(),
				booking.promptAt().toEpochMilli(), booking.promptAt().toEpochMilli(), booking.now().toEpochMilli(),
				booking.accountId() }).toList());
		var executions = new ArrayList<SchedulableInstance<?>>();
		for (int i = 0; i < confirmations.size(); i++) {
			var booking = confirmations.get(i);
			if (inserted[i] == 2) {
				executions.add(SchedulableInstance.of(this.tasks.instance(kinds[0], booking.bookingId()), booking.now()));
				executions.add(SchedulableInstance.of(this.tasks.instance(kinds[1], booking.bookingId()),
						booking.promptAt()));
			}
			else if (inserted[i] != 0) {
				throw new IllegalStateException("Booking " + booking.bookingId() + " had one of its two email jobs");
			}
		}
		if (!executions.isEmpty()) {
			this.worker.client().scheduleBatch(executions);
		}
	}

	@EventListener
	void bookingCancelled(BookingCancelled cancelled) {
		RowsAtCommit.writeNow(this.confirmations);
		var booking = cancelled.booking();
		var now = this.clock.instant();
		schedule(EmailKind.BOOKING_CANCELLED, booking, this.accounts.emailOf(booking.accountId()), now);
		this.jobs.findById(EmailKind.REVIEW_PROMPT.jobId(booking.bookingId())).ifPresent((prompt) -> {
			prompt.cancel();
			var instance = TaskInstanceId.of(EmailKind.REVIEW_PROMPT.taskName(), booking.bookingId());
			if (this.worker.client().getScheduledExecution(instance).isPresent()) {
				this.worker.client().cancel(instance);
			}
		});
	}

	/**
	 * One {@link EmailKind#EVENT_MOVED} email per confirmed booking of the event, due now, and its review prompts
	 * moved with it. A move email of an earlier edit that is still pending gives way to this one, which keeps the
	 * time that one moved from: the booker hears of the last move, from the time they knew.
	 */
	@EventListener
	void eventMoved(EventMoved moved) {
		RowsAtCommit.writeNow(this.confirmations);
		var eventId = moved.event().eventId();
		var bookingIds = this.jdbc.queryForList(
				"select id from bookings where event_id = ? and status = 'CONFIRMED' order by id", String.class, eventId);
		if (bookingIds.isEmpty()) {
			return;
		}
		var now = this.clock.instant().toEpochMilli();
		var edit = "." + moved.edit();
		var inserted = this.jdbc.update("""
				insert into email_jobs (id, version, kind, booking_id, recipient, status, attempts, due_at,
				                        next_attempt_at, created_at, previous_starts_at)
				select ? || b.id || ?, 0, 'EVENT_MOVED', b.id, a.email, 'PENDING', 0, ?, ?, ?,
				       coalesce((select min(p.previous_starts_at) from email_jobs p
				                 where p.booking_id = b.id and p.kind = 'EVENT_MOVED' and p.status = 'PENDING'), ?)
				from bookings b join accounts a on a.id = b.account_id
				where b.event_id = ? and b.status = 'CONFIRMED'
				on conflict do nothing""", EmailKind.EVENT_MOVED.jobId(""), edit, now, now, now,
				moved.previousStartsAt().toEpochMilli(), eventId);
		this.jdbc.update("""
				update email_jobs set status = 'CANCELLED', next_attempt_at = null, version = version + 1
				where kind = 'EVENT_MOVED' and status = 'PENDING' and id <> ? || booking_id || ?
				  and booking_id in (select id from bookings where event_id = ? and status = 'CONFIRMED')""",
				EmailKind.EVENT_MOVED.jobId(""), edit, eventId);
		scheduleEach(EmailKind.EVENT_MOVED, bookingIds.stream().map((id) -> id + edit).toList(), inserted,
				this.clock.instant());
		movePrompts(eventId, moved.event().startsAt());
	}

	// the review prompts not yet sent follow the event's new start time
	private void movePrompts(String eventId, Instant startsAt) {
		var now = this.clock.instant();
		var promptAt = startsAt.plus(this.settings.reviewPromptDelay());
		var dueAt = promptAt.isAfter(now) ? promptAt : now;
		var prompts = this.jdbc.queryForList("""
				select booking_id from email_jobs
				where kind = 'REVIEW_PROMPT' and status = 'PENDING' and attempts = 0
				  and booking_id in (select id from bookings where event_id = ? and status = 'CONFIRMED')""",
				String.class, eventId);
		if (prompts.isEmpty()) {
			return;
		}
		this.jdbc.update("""
				update email_jobs set due_at = ?, next_attempt_at = ?, version = version + 1
				where kind = 'REVIEW_PROMPT' and status = 'PENDING' and attempts = 0
				  and booking_id in (select id from bookings where event_id = ? and status = 'CONFIRMED')""",
				dueAt.toEpochMilli(), dueAt.toEpochMilli(), eventId);
		for (var bookingId : prompts) {
			var instance = this.tasks.instance(EmailKind.REVIEW_PROMPT, bookingId);
			if (!this.worker.client().scheduleIfNotExists(instance, dueAt)) {
				this.worker.client().reschedule(instance, dueAt);
			}
		}
	}

	/**
	 * One {@link EmailKind#EVENT_CANCELLED} email per booking the cancellation of the event cancelled, due now (its
	 * id derived from the booking: never two for one booking); their review prompts and move emails not yet sent are
	 * no longer wanted.
	 */
	@EventListener
	void eventCancelled(EventCancelled cancelled) {
		RowsAtCommit.writeNow(this.confirmations);
		var now = this.clock.instant();
		var ids = cancelled.bookingIds();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			var marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
			var arguments = new ArrayList<Object>(List.of(EmailKind.EVENT_CANCELLED.jobId(""), now.toEpochMilli(),
					now.toEpochMilli(), now.toEpochMilli()));
			arguments.addAll(chunk);
			var inserted = this.jdbc.update("""
					insert into email_jobs (id, version, kind, booking_id, recipient, status, attempts, due_at,
					                        next_attempt_at, created_at)
					select ? || b.id, 0, 'EVENT_CANCELLED', b.id, a.email, 'PENDING', 0, ?, ?, ?
					from bookings b join accounts a on a.id = b.account_id
					where b.id in (%s)
					on conflict do nothing""".formatted(marks), arguments.toArray());
			this.jdbc.update("""
					update email_jobs set status = 'CANCELLED', next_attempt_at = null, version = version + 1
					where kind in ('REVIEW_PROMPT', 'EVENT_MOVED') and status = 'PENDING' and booking_id in (%s)"""
				.formatted(marks), chunk.toArray());
			scheduleEach(EmailKind.EVENT_CANCELLED, chunk, inserted, now);
		}
	}

	// the executions of jobs just inserted, due at once: one batch when every job was new
	private void scheduleEach(EmailKind kind, List<String> instanceIds, int inserted, Instant dueAt) {
		if (inserted == instanceIds.size()) {
			this.worker.client().scheduleBatch(instanceIds.stream()
				.<SchedulableInstance<?>>map((id) -> SchedulableInstance.of(this.tasks.instance(kind, id), dueAt))
				.toList());
		}
		else {
			instanceIds.forEach((id) -> this.worker.client().scheduleIfNotExists(this.tasks.instance(kind, id), dueAt));
		}
		nudgeAfterCommit();
	}

	/** Puts a failed email back in line, due now. */
	void reschedule(EmailJob job) {
		RowsAtCommit.writeNow(this.confirmations);
		job.retry(this.clock.instant());
		var instance = this.tasks.instance(job.kind(), job.instanceId());
		if (!this.worker.client().scheduleIfNotExists(instance, this.clock.instant())) {
			this.worker.client().reschedule(instance, this.clock.instant());
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
		this.worker.client().scheduleIfNotExists(this.tasks.instance(kind, booking.bookingId()), dueAt);
		if (!dueAt.isAfter(this.clock.instant())) {
			nudgeAfterCommit();
		}
	}

	private void nudgeAfterCommit() {
		this.worker.nudgeAfterCommit();
	}
}
