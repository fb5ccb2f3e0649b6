package io.seatline.engine.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One email about one booking and its delivery attempts. Its id is the db-scheduler task instance's. */
@Entity
@Table(name = "email_jobs")
class EmailJob {

	/** The longest error text kept, enough to diagnose without storing whole stack traces. */
	static final int MAX_ERROR = 1000;

	@Id
	private String id;

	@Version
	private Long version;

	@Enumerated(EnumType.STRING)
	private EmailKind kind;

	private String bookingId;

	private String recipient;

	@Enumerated(EnumType.STRING)
	private EmailStatus status;

	private int attempts;

	private String lastError;

	private Instant dueAt;

	private Instant nextAttemptAt;

	private Instant createdAt;

	private Instant sentAt;

	protected EmailJob() {
	}

	EmailJob(EmailKind kind, String bookingId, String recipient, Instant dueAt, Instant now) {
		this.id = kind.jobId(bookingId);
		this.kind = kind;
		this.bookingId = bookingId;
		this.recipient = recipient;
		this.status = EmailStatus.PENDING;
		this.dueAt = dueAt;
		this.nextAttemptAt = dueAt;
		this.createdAt = now;
	}

	void sent(Instant now) {
		this.status = EmailStatus.SENT;
		this.sentAt = now;
		this.attempts++;
		this.nextAttemptAt = null;
	}

	/** Records a failed attempt; the next one is due at {@code retryAt}, or never when null (given up). */
	void failed(String error, Instant retryAt) {
		this.attempts++;
		this.lastError = (error != null && error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error;
		this.nextAttemptAt = retryAt;
		if (retryAt == null) {
			this.status = EmailStatus.FAILED;
		}
	}

	/** An email that is no longer wanted (the review prompt of a cancelled booking). */
	void cancel() {
		if (this.status == EmailStatus.PENDING) {
			this.status = EmailStatus.CANCELLED;
			this.nextAttemptAt = null;
		}
	}

	/** Puts a failed email back in line, with a fresh count of attempts. */
	void retry(Instant now) {
		if (this.status != EmailStatus.FAILED) {
			throw new IllegalStateException("Only a failed email can be retried, not a " + this.status + " one");
		}
		this.status = EmailStatus.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = now;
	}

	String id() {
		return this.id;
	}

	EmailKind kind() {
		return this.kind;
	}

	String bookingId() {
		return this.bookingId;
	}

	/** Its db-scheduler task instance's id. */
	String instanceId() {
		return this.kind.instanceOf(this.id);
	}

	String recipient() {
		return this.recipient;
	}

	EmailStatus status() {
		return this.status;
	}

	int attempts() {
		return this.attempts;
	}

	EmailJobView view() {
		return new EmailJobView(this.id, this.kind, this.bookingId, this.recipient, this.status, this.attempts,
				this.lastError, this.dueAt, this.nextAttemptAt, this.createdAt, this.sentAt);
	}
}
