package io.seatline.engine.persistence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How writes are grouped and how long transactions may run ({@code seatline.transactions.*}).
 *
 * @param maxBatch the most write requests that share one transaction and its commit
 * @param maxWait how long a write request waits for the writer to start it before it is answered busy
 * @param writeTimeout the time limit of one write transaction; past it, it is rolled back and answered busy
 * @param readTimeout the time limit of one read-only transaction (a function call or a composition of reads)
 * @param maxReaders the most read-only calls that run at once (0: one per processor); the others wait their turn,
 * so that readers cannot take every core from the one writer
 */
@ConfigurationProperties("seatline.transactions")
public record TransactionSettings(@DefaultValue("64") int maxBatch, @DefaultValue("10s") Duration maxWait,
		@DefaultValue("10s") Duration writeTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("0") int maxReaders) {

	public TransactionSettings {
		if (maxBatch < 1) {
			throw new IllegalArgumentException("seatline.transactions.max-batch must be at least 1");
		}
		if (maxReaders < 0) {
			throw new IllegalArgumentException("seatline.transactions.max-readers must be 0 (one per processor) or more");
		}
	}

	/** How many read-only calls run at once. */
	public int readersAtOnce() {
		return (this.maxReaders > 0) ? this.maxReaders : Runtime.getRuntime().availableProcessors();
	}
}
