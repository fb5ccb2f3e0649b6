/**
 * The engine's one db-scheduler: every feature contributes its tasks as a {@link io.seatline.engine.jobs.ScheduledWork}
 * bean (emails, hold expiry), {@link io.seatline.engine.jobs.Jobs} runs them on one worker and schedules them through a
 * transaction-aware client, so a job scheduled inside a business transaction commits or rolls back with it. Job state
 * lives in db-scheduler's own table.
 */
package io.seatline.engine.jobs;
