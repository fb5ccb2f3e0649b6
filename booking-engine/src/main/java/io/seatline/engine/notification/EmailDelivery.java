package io.seatline.engine.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.persistence.RoundTrips;
import io.seatline.engine.persistence.WritePath;
import io.seatline.engine.jobs.JobSettings;
import io.seatline.engine.jobs.JobStatement;

/**
 * Runs one email job on the worker: composes the email from the booking as it is now and sends it outside any
 * transaction. A failure is recorded here; a sent email's mark is handed back for the job's completion to commit. A job
 * already sent, or no longer wanted, is not sent again.
 */
@Component
class EmailDelivery {

	private static final Log logger = LogFactory.getLog(EmailDelivery.class);

	private final EmailJobs jobs;

	private final SeatReservations reservations;

	private final EmailComposer composer;

	private final MailTransport transport;

	private final JobSettings settings;

	private final WritePath writes;

	private final Clock clock;

	private final RoundTrips roundTrips;

	EmailDelivery(EmailJobs jobs, SeatReservations reservations, EmailComposer composer, MailTransport transport,
			JobSettings settings, WritePath writes, Clock clock, RoundTrips roundTrips) {
		this.roundTrips = roundTrips;
		this.jobs = jobs;
		this.reservations = reservations;
		this.composer = composer;
		this.transport = transport;
		this.settings = settings;
		this.writes = writes;
		this.clock = clock;
	}

	/**
	 * Sends the email of this kind for this task instance (a booking), unless it is no longer pending. Returns the
	 * statement that marks it sent, for the job's completion to commit with the removal of its execution; empty when
	 * nothing was sent.
	 */
	Optional<JobStatement> deliver(EmailKind kind, String instanceId) throws Exception {
		var jobId = kind.jobId(instanceId);
		// the job and its booking: two statements, one round trip to PostgreSQL and no transaction
		var trip = this.roundTrips.start();
		var job = trip.add("select status, recipient, previous_starts_at from email_jobs where id = ?",
				(rows) -> rows.next() ? new JobState(EmailStatus.valueOf(rows.getString(1)), rows.getString(2),
						(rows.getObject(3) instanceof Number millis) ? Instant.ofEpochMilli(millis.longValue()) : null)
						: null,
				jobId);
		var found = this.reservations.details(trip, "select booking_id from email_jobs where id = ?", jobId);
		trip.runReading();
		if (job.get() == null || job.get().status() != EmailStatus.PENDING) {
			logger.debug("Email " + jobId + " is " + ((job.get() == null) ? "unknown" : job.get().status())
					+ "; not sending");
			return Optional.empty();
		}
		var recipient = job.get().recipient();
		var booking = found.get().orElseThrow(() -> new NotFound("Email " + jobId + " names no booking"));
		if ((kind == EmailKind.REVIEW_PROMPT || kind == EmailKind.EVENT_MOVED)
				&& booking.status() == BookingStatus.CANCELLED) {
			this.writes.write(() -> this.jobs.findById(jobId).map((cancelled) -> {
				cancelled.cancel();
				return cancelled;
			}));
			return Optional.empty();
		}
		var message = this.composer.compose(jobId, kind, recipient, booking, job.get().previousStartsAt());
		this.transport.send(message);
		logger.info("Sent " + kind + " email " + message.getMessageID() + " to " + recipient);
		// one statement, no entity: the same change as EmailJob.sent. Bookkeeping of the job, as db-scheduler's is:
		// it commits with the removal of the job's execution, shared with the jobs finishing at the same time, without
		// waiting for the disk and without a turn of the booking writer. A power loss may lose it (a process crash does
		// not): the job then runs again and sends the same Message-ID once more, as it would had the power gone out
		// during the send
		return Optional.of(new JobStatement("""
				update email_jobs set status = 'SENT', sent_at = ?, attempts = attempts + 1, next_attempt_at = null,
				                      version = version + 1
				where id = ? and status = 'PENDING'""", this.clock.instant().toEpochMilli(), jobId));
	}

	private record JobState(EmailStatus status, String recipient, Instant previousStartsAt) {
	}

	/**
	 * Records a failed attempt. Returns when to try again, or null when this was the last attempt and the job is now
	 * kept as failed.
	 */
	Instant failed(EmailKind kind, String instanceId, Throwable cause) {
		var jobId = kind.jobId(instanceId);
		var error = (cause != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : "unknown";
		return this.writes.write(() -> {
			var job = this.jobs.findById(jobId).orElse(null);
			if (job == null || job.status() != EmailStatus.PENDING) {
				return null;
			}
			var now = this.clock.instant();
			var retryAt = (job.attempts() + 1 < this.settings.maxAttempts())
					? now.plus(this.settings.backoffAfter(job.attempts() + 1)) : null;
			job.failed(error, retryAt);
			if (retryAt == null) {
				logger.warn("Gave up on email " + jobId + " after " + job.attempts() + " attempts: " + error);
			}
			else {
				logger.info("Email " + jobId + " failed (attempt " + job.attempts() + "), retrying at " + retryAt
						+ ": " + error);
			}
			return retryAt;
		});
	}
}
