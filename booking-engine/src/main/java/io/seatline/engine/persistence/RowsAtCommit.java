package io.seatline.engine.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a write adds at its commit instead of at once: the rows of every request of a shared transaction that go to
 * one destination are written together, just before the commit, in one batch (one round trip to PostgreSQL instead
 * of one per request). They commit or roll back with the transaction as any other row.
 * <p>
 * A row is one of its transaction's wishes (a {@link TransactionSynchronization}): a request whose savepoint the
 * {@link WritePath} rolls back takes its rows with it, as it takes its other wishes. A write that reads such rows back
 * before its commit (a cancellation reading the email jobs of a booking made in the same transaction) first asks for
 * them to be written with {@link #writeNow}; should its own savepoint be rolled back, those rows are written again at
 * the commit, since the rollback undid them too.
 */
public final class RowsAtCommit {

	private RowsAtCommit() {
	}

	/**
	 * Where rows go, and how all of one transaction's rows are written there together. Rows are gathered by their
	 * destination's identity: keep one instance per destination (a field of its owner), not one per row.
	 */
	@FunctionalInterface
	public interface Destination<T> {

		/** Writes the rows, in the order they were added. */
		void write(List<T> rows);
	}

	/** Adds a row for the destination, written before the current transaction commits (at once outside one). */
	public static <T> void add(Destination<T> destination, T row) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new Pending<>(destination, row));
		}
		else {
			destination.write(List.of(row));
		}
	}

	/** Writes now the rows of the current transaction still waiting for the destination. */
	public static <T> void writeNow(Destination<T> destination) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		var waiting = waiting(destination);
		if (!waiting.isEmpty()) {
			destination.write(rows(waiting));
			// a wish of the request writing them now: should its savepoint be rolled back, the mark goes with the rows
			TransactionSynchronizationManager.registerSynchronization(new Written(Set.copyOf(waiting)));
		}
	}

	// the destination's rows among the transaction's wishes that no surviving writeNow has written
	@SuppressWarnings("unchecked")
	private static <T> List<Pending<T>> waiting(Destination<T> destination) {
		var synchronizations = TransactionSynchronizationManager.getSynchronizations();
		var written = Collections.newSetFromMap(new IdentityHashMap<Pending<?>, Boolean>());
		for (var synchronization : synchronizations) {
			if (synchronization instanceof Written mark) {
				written.addAll(mark.rows());
			}
		}
		var waiting = new ArrayList<Pending<T>>();
		for (var synchronization : synchronizations) {
			if (synchronization instanceof Pending<?> pending && pending.destination == destination
					&& !pending.committing && !written.contains(pending)) {
				waiting.add((Pending<T>) pending);
			}
		}
		return waiting;
	}

	private static <T> List<T> rows(List<Pending<T>> pending) {
		return pending.stream().map((row) -> row.row).toList();
	}

	/** A row waiting for its transaction's commit. */
	private static final class Pending<T> implements TransactionSynchronization {

		private final Destination<T> destination;

		private final T row;

		// written by the commit's own batch: past this point nothing is rolled back to a savepoint
		private boolean committing;

		Pending(Destination<T> destination, T row) {
			this.destination = destination;
			this.row = row;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (this.committing) {
				return;
			}
			// the first of the destination's rows writes them all
			var waiting = waiting(this.destination);
			if (!waiting.isEmpty()) {
				this.destination.write(rows(waiting));
				waiting.forEach((pending) -> pending.committing = true);
			}
		}
	}

	/** Rows a {@link #writeNow} wrote, as a wish of the request that asked. */
	private record Written(Set<Pending<?>> rows) implements TransactionSynchronization {
	}
}
