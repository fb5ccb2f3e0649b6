package io.seatline.engine;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.seatline.engine.persistence.DatabaseFailures;
import io.seatline.engine.persistence.TransactionSettings;
import io.seatline.engine.persistence.WritePath;

/**
 * Runs a whole call as one transaction, so that a failure at any step changes nothing, as the contract promises: a
 * composition with a write through the one {@link WritePath}, its session lookup included; a call of reads only in a
 * read-only transaction, which on SQLite runs on a read-only connection that never waits for the writer. (A single
 * write function needs neither: its one engine write is already one transaction on the write path.)
 */
@Component
public class AllOrNothing {

	private final WritePath writes;

	private final TransactionTemplate reads;

	private final Semaphore readers;

	private final Duration maxWait;

	AllOrNothing(WritePath writes, PlatformTransactionManager transactions, TransactionSettings settings) {
		this.writes = writes;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.reads.setTimeout((int) Math.max(1, settings.readTimeout().toSeconds()));
		this.readers = new Semaphore(settings.readersAtOnce(), true);
		this.maxWait = settings.maxWait();
	}

	/** Runs the work as one write; an exception anywhere rolls all of it back. */
	public <T> T write(Supplier<T> work) {
		return this.writes.write(work);
	}

	/**
	 * Runs read-only work in one read-only transaction with a time limit, once one of the readers' turns is free
	 * ({@code seatline.transactions.max-readers}): sixteen readers of a 20,000-seat map at once left the writer a
	 * sixteenth of a core.
	 */
	public <T> T read(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// already inside a transaction (a step of a call that has its turn, or a write): join it
			return this.reads.execute((status) -> work.get());
		}
		try {
			if (!this.readers.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw DatabaseFailures.busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DatabaseFailures.busy();
		}
		try {
			return this.reads.execute((status) -> work.get());
		}
		finally {
			this.readers.release();
		}
	}
}
