package io.seatline.engine;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.seatline.engine.persistence.TransactionSettings;
import io.seatline.engine.persistence.WritePath;

/**
 * Runs a whole call (one function, or a composition of several) as one transaction, so that a failure at any step
 * changes nothing, as the contract promises, and a signed-in call looks its session up in the same transaction as its
 * work: a write through the one {@link WritePath}, a read in a read-only transaction, which on SQLite runs on a
 * read-only connection that never waits for the writer.
 */
@Component
public class AllOrNothing {

	private final WritePath writes;

	private final TransactionTemplate reads;

	AllOrNothing(WritePath writes, PlatformTransactionManager transactions, TransactionSettings settings) {
		this.writes = writes;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.reads.setTimeout((int) Math.max(1, settings.readTimeout().toSeconds()));
	}

	/** Runs the work as one write; an exception anywhere rolls all of it back. */
	public <T> T write(Supplier<T> work) {
		return this.writes.write(work);
	}

	/** Runs read-only work in one read-only transaction with a time limit. */
	public <T> T read(Supplier<T> work) {
		return this.reads.execute((status) -> work.get());
	}
}
