package io.seatline.engine.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.persistence.DatabaseUrl;

/**
 * The seat operations other features run inside their own transactions: claiming seats for a booking with one
 * conditional statement, releasing them, and counting them. Each method joins the caller's transaction and refuses
 * to run without one.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class SeatInventory {

	private final EventSeatRows seats;

	// SQLite runs one writer at a time; PostgreSQL runs them at once and needs a fixed order of row locks
	private final boolean oneWriterAtATime;

	SeatInventory(EventSeatRows seats, DatabaseUrl database) {
		this.seats = seats;
		this.oneWriterAtATime = database.isSqlite();
	}

	/** The requested labels the event has no seat for, in request order. */
	public List<String> unknownLabels(String eventId, List<String> labels) {
		var existing = Set.copyOf(this.seats.existingLabels(eventId, labels));
		return labels.stream().filter((label) -> !existing.contains(label)).toList();
	}

	/**
	 * Marks the seats {@code BOOKED} for the booking where they are {@code AVAILABLE}, in one statement; returns how
	 * many it marked. Fewer than requested means some were taken: the caller rolls back. On PostgreSQL the seats are
	 * locked in label order, so that concurrent claims of overlapping seats wait for each other instead of
	 * deadlocking.
	 */
	public int claim(String eventId, Collection<String> labels, String bookingId) {
		return this.oneWriterAtATime ? this.seats.claim(eventId, labels, bookingId)
				: this.seats.claimInLabelOrder(eventId, labels, bookingId);
	}

	/** Which of the labels the booking does not hold, in seat-map order. */
	public List<String> notHeldBy(String eventId, Collection<String> labels, String bookingId) {
		return this.seats.notHeldBy(eventId, labels, bookingId);
	}

	/** The positions of the seats a booking holds, by label. */
	public Map<String, Integer> positionsOf(String bookingId) {
		var positions = new HashMap<String, Integer>();
		for (var row : this.seats.positionsOf(bookingId)) {
			positions.put((String) row[0], ((Number) row[1]).intValue());
		}
		return positions;
	}

	/** Makes the booking's seats {@code AVAILABLE} again; returns how many. */
	public int release(String bookingId) {
		return this.oneWriterAtATime ? this.seats.release(bookingId) : this.seats.releaseInLabelOrder(bookingId);
	}

	/** Seat counts by status for the given events (every event when null), by event id. */
	public Map<String, Map<SeatStatus, Integer>> countByStatus(Collection<String> eventIds) {
		var rows = (eventIds == null) ? this.seats.countAllByStatus()
				: eventIds.isEmpty() ? List.<Object[]>of() : this.seats.countByStatus(eventIds);
		var counts = new HashMap<String, Map<SeatStatus, Integer>>();
		for (var row : rows) {
			counts.computeIfAbsent((String) row[0], (id) -> new HashMap<>())
				.put((SeatStatus) row[1], ((Number) row[2]).intValue());
		}
		return counts;
	}
}
