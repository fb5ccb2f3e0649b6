package io.seatline.engine.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.NotFound;

/** What admins can see and do about emails: list pending and failed ones, and retry failed ones. */
@Service
public class EmailOutbox {

	private final EmailJobs jobs;

	private final EmailScheduling scheduling;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EmailOutbox(EmailJobs jobs, EmailScheduling scheduling, JdbcTemplate jdbc, Clock clock) {
		this.jobs = jobs;
		this.scheduling = scheduling;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Pending and failed emails, by due time. */
	@Transactional(readOnly = true)
	public EmailQueue queue(User user) {
		user.requireAdmin();
		var listed = this.jobs.findByStatusInOrderByDueAtAscIdAsc(List.of(EmailStatus.PENDING, EmailStatus.FAILED));
		return new EmailQueue(
				listed.stream().filter((job) -> job.status() == EmailStatus.PENDING).map(EmailJob::view).toList(),
				listed.stream().filter((job) -> job.status() == EmailStatus.FAILED).map(EmailJob::view).toList());
	}

	/**
	 * How many emails are pending, split into those due now (being sent, or waiting for a retry) and those scheduled
	 * later (such as review prompts weeks ahead), and how many failed, for the dashboard. One read of the jobs.
	 */
	@Transactional(readOnly = true)
	public EmailCounts counts() {
		var now = this.clock.instant().toEpochMilli();
		return this.jdbc.queryForObject("""
				select coalesce(sum(case when status = 'PENDING' and due_at <= ? then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'PENDING' and due_at > ? then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'FAILED' then 1 else 0 end), 0)
				from email_jobs where status in ('PENDING', 'FAILED')""",
				(row, index) -> new EmailCounts(row.getLong(1) + row.getLong(2), row.getLong(3), row.getLong(1),
						row.getLong(2)),
				now, now);
	}

	/** The emails of one booking, in any state. */
	@Transactional(readOnly = true)
	public List<EmailJobView> emailsOf(String bookingId) {
		return this.jobs.findByBookingIdOrderByIdAsc(bookingId).stream().map(EmailJob::view).toList();
	}

	/**
	 * Retries one failed email, or every failed one when {@code jobId} is null; returns how many were put back in line.
	 * {@code NOT_FOUND} for an unknown job, {@code CONFLICT} for one that has not failed.
	 */
	@Transactional
	public int retry(User user, String jobId) {
		user.requireAdmin();
		if (jobId == null) {
			var failed = this.jobs.findByStatus(EmailStatus.FAILED);
			failed.forEach(this.scheduling::reschedule);
			return failed.size();
		}
		var job = this.jobs.findById(jobId).orElseThrow(() -> new NotFound("No email job has the id " + jobId));
		if (job.status() != EmailStatus.FAILED) {
			throw new Conflict("The email " + jobId + " is " + job.status() + ", not FAILED");
		}
		this.scheduling.reschedule(job);
		return 1;
	}

	/** Counts of emails waiting and given up on. */
	/** Email counts: {@code pending} is {@code dueNow} plus {@code scheduledLater}. */
	public record EmailCounts(long pending, long failed, long dueNow, long scheduledLater) {
	}
}
