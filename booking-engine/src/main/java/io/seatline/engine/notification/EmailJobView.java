package io.seatline.engine.notification;

import java.time.Instant;

/** An email job as admins see it. */
public record EmailJobView(String jobId, EmailKind kind, String bookingId, String recipient, EmailStatus status,
		int attempts, String lastError, Instant dueAt, Instant nextAttemptAt, Instant createdAt, Instant sentAt) {
}
