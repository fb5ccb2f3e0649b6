package io.seatline.engine.jobs;

/**
 * One SQL statement of a job's own bookkeeping, with its arguments, committed together with the removal of the job's
 * execution ({@link JobCompletions}).
 */
public record JobStatement(String sql, Object... arguments) {
}
