/**
 * The audit log: every admin action, every booking and every cancellation, written by listening to the events the
 * other features publish inside their transactions, so an entry commits or rolls back with the change it records.
 * {@link io.seatline.engine.audit.AuditTrail} reads it (admins only), per event, per booking or per user, and writes
 * it as CSV.
 */
package io.seatline.engine.audit;
