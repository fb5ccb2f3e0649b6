/**
 * Emails about bookings, as durable db-scheduler jobs in the engine's own database: a confirmation when a booking
 * commits, a notice when it is cancelled, and a prompt to review after the event. Jobs are scheduled inside the
 * booking's transaction (so a rollback schedules nothing), keyed by the booking (so nothing is scheduled twice),
 * retried with exponential backoff, and kept as failed after the last attempt, for an admin to retry. Delivery is
 * SMTP when {@code MAIL_SERVER} is set, else {@code .eml} files in an outbox folder.
 */
package io.seatline.engine.notification;
