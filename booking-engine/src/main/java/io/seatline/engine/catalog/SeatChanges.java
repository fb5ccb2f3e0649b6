package io.seatline.engine.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The seat changes this process committed lately, by event and seat version: what turns a kept seat map into the map
 * of a later version without reading its seats again. Only an unbroken run of versions is kept per event (every
 * change of seats moves the version by one): a version this process did not make (the shell's, another runner's), or
 * one whose seats were not told (a release names no seats), breaks the run, and a map across the break is read from
 * the database again. A change counts once its transaction commits; a change of a savepoint rolled back goes with the
 * savepoint's other after-commit wishes.
 */
@Component
class SeatChanges {

	/** Versions kept per event: a kept map further behind is read again. */
	private static final int KEPT_VERSIONS = 1024;

	/** Events whose changes are kept; past it, all are forgotten (their maps are read again once). */
	private static final int KEPT_EVENTS = 128;

	private final Map<String, ArrayDeque<Change>> byEvent = new ConcurrentHashMap<>();

	/** At {@code version} of the event's seats, the seats at these positions became {@code status}. */
	record Change(long version, int[] positions, SeatStatus status) {
	}

	/**
	 * Tells, inside the transaction that made it, that the event's seat version {@code version} changed the seats at
	 * these positions to {@code status}; kept when the transaction commits. Outside a transaction it is not kept,
	 * which breaks the event's run.
	 */
	void record(String eventId, long version, Collection<Integer> positions, SeatStatus status) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			// never kept: the run breaks at this version
			return;
		}
		var change = new Change(version, positions.stream().mapToInt(Integer::intValue).toArray(), status);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				committed(eventId, change);
			}
		});
	}

	private void committed(String eventId, Change change) {
		if (this.byEvent.size() >= KEPT_EVENTS && !this.byEvent.containsKey(eventId)) {
			this.byEvent.clear();
		}
		var run = this.byEvent.computeIfAbsent(eventId, (any) -> new ArrayDeque<>());
		synchronized (run) {
			if (!run.isEmpty() && run.getLast().version() + 1 != change.version()) {
				// a version came between (another process's, or one not told) or came late: start a new run
				run.clear();
			}
			run.addLast(change);
			if (run.size() > KEPT_VERSIONS) {
				run.removeFirst();
			}
		}
	}

	/**
	 * The changes that lead from the event's seats at version {@code from} to a version at least {@code atLeast}, in
	 * version order (all this process knows after {@code from}: perhaps more than asked for); null when a version in
	 * between is not known here.
	 */
	List<Change> after(String eventId, long from, long atLeast) {
		var run = this.byEvent.get(eventId);
		if (run == null) {
			return null;
		}
		synchronized (run) {
			if (run.isEmpty() || run.getFirst().version() > from + 1 || run.getLast().version() < atLeast) {
				return null;
			}
			var changes = new ArrayList<Change>();
			for (var change : run) {
				if (change.version() > from) {
					changes.add(change);
				}
			}
			return changes;
		}
	}
}
