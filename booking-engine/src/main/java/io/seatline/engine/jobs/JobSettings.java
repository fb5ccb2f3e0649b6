package io.seatline.engine.jobs;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job settings ({@code seatline.jobs.*}).
 *
 * @param worker whether this process runs the job worker; a process that only schedules (the shell, an embedding
 * app) turns it off
 * @param pollingInterval how often the worker looks for due jobs scheduled by other processes (this process's own
 * are run at once after their transaction commits)
 * @param threads how many jobs (emails, hold expiries) the worker runs at once
 * @param maxAttempts attempts before an email is kept as failed
 * @param firstRetryDelay the wait after the first failure; each further one doubles it
 * @param reviewPromptDelay how long after an event starts its review prompt is sent
 * @param outboxDir where emails are written as {@code .eml} files when no {@code MAIL_SERVER} is set
 * @param heartbeatInterval how often the worker marks the jobs it runs as alive; a job whose worker missed six
 * heartbeats (it died mid-job) is run again by another worker
 */
@ConfigurationProperties("seatline.jobs")
public record JobSettings(@DefaultValue("true") boolean worker, @DefaultValue("2s") Duration pollingInterval,
		@DefaultValue("8") int threads, @DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration firstRetryDelay,
		@DefaultValue("3h") Duration reviewPromptDelay, @DefaultValue("./data/outbox") Path outboxDir,
		@DefaultValue("30s") Duration heartbeatInterval) {

	/** The wait before attempt {@code attempt + 1} after {@code attempt} failures: doubling from the first delay. */
	public Duration backoffAfter(int attempt) {
		var factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
		return this.firstRetryDelay.multipliedBy(factor);
	}
}
