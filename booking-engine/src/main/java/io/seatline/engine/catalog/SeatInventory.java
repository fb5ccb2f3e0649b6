package io.seatline.engine.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.engine.persistence.RoundTrips;

/**
 * The one owner of seat state: the seat operations other features run inside their own transactions. Every
 * transition is one conditional statement whose row count the caller checks; in the same transaction it moves the
 * event's kept counts and bumps its seat version (on PostgreSQL first, so that the event's row is locked before any
 * of its seats and two transactions never wait for each other's seats; on SQLite, which has one writer at a time,
 * with the counts in one statement). A transition that names its seats tells {@link SeatChanges} the version it made
 * and the seats' positions, so that kept seat maps are brought up to date without reading them again. Each method
 * joins the caller's transaction and refuses to run without one.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class SeatInventory {

	/** The PostgreSQL notification channel on which every seat change names its event. */
	public static final String CHANGES_CHANNEL = "seatline_seat_changes";

	/** The most bookings whose seats one statement releases: well below any database's limit of parameters. */
	private static final int CHUNK = 500;

	/** No seat version was made (or read). */
	private static final long NO_VERSION = -1;

	private final EventSeatRows seats;

	// SQLite runs one writer at a time; PostgreSQL runs them at once and needs a fixed order of row locks
	private final boolean oneWriterAtATime;

	private final JdbcTemplate jdbc;

	private final SeatChanges changes;

	private final RoundTrips roundTrips;

	// on PostgreSQL, what the last statement that locked an event's row on this thread found (see cancelledMeanwhile)
	private final ThreadLocal<LockSeen> lastLock = new ThreadLocal<>();

	SeatInventory(EventSeatRows seats, JdbcTemplate jdbc, DatabaseUrl database, SeatChanges changes,
			RoundTrips roundTrips) {
		this.seats = seats;
		this.roundTrips = roundTrips;
		this.jdbc = jdbc;
		this.changes = changes;
		this.oneWriterAtATime = database.isSqlite();
	}

	/**
	 * Marks the seats {@code BOOKED} for the booking where they are {@code AVAILABLE}, in one statement, and gives the
	 * positions of those it marked, by label, once the trip has run; the event's lock and this statement run after
	 * the statements added to the trip before them. Fewer entries than labels means some were taken or do not exist:
	 * the caller rolls back. On PostgreSQL the seats are locked in label order, so that concurrent claims of
	 * overlapping seats wait for each other instead of deadlocking.
	 */
	public Supplier<Map<String, Integer>> claimPositions(RoundTrips.Trip trip, String eventId, List<String> labels,
			String bookingId) {
		return transition(trip, eventId, labels, SeatStatus.AVAILABLE, SeatStatus.BOOKED, bookingId);
	}

	/**
	 * Marks the seats {@code HELD} for the hold where they are {@code AVAILABLE}, in one statement of the trip, and
	 * gives the positions of those it marked, by label, once the trip has run; as {@link #claimPositions}, fewer than
	 * asked means the caller rolls back.
	 */
	public Supplier<Map<String, Integer>> hold(RoundTrips.Trip trip, String eventId, List<String> labels,
			String holdId) {
		return transition(trip, eventId, labels, SeatStatus.AVAILABLE, SeatStatus.HELD, holdId);
	}

	/**
	 * Sells the seats the hold still holds ({@code HELD} for it) to the booking, in one statement; returns their
	 * positions by label.
	 */
	public Map<String, Integer> sellHeld(String eventId, String holdId, String bookingId) {
		return fromHold(eventId, holdId, SeatStatus.BOOKED, bookingId);
	}

	/**
	 * Makes the seats the hold still holds ({@code HELD} for it) {@code AVAILABLE} again, in one statement; returns
	 * their labels in seat-map order. Seats sold or freed meanwhile are not touched.
	 */
	public List<String> releaseHeld(String eventId, String holdId) {
		return inSeatMapOrder(fromHold(eventId, holdId, SeatStatus.AVAILABLE, null));
	}

	// the seats HELD for the hold go to BOOKED (for the booking) or AVAILABLE, in one statement; on PostgreSQL locked
	// in label order first, as a claim does
	private Map<String, Integer> fromHold(String eventId, String holdId, SeatStatus to, String bookingId) {
		var version = lockEventFirst(eventId);
		var set = "status = '" + to.name() + "', hold_id = null, booking_id = " + ((bookingId != null) ? "?" : "null");
		var sql = this.oneWriterAtATime ? """
				update event_seats set %s
				where event_id = ? and hold_id = ? and status = 'HELD'
				returning label, position""".formatted(set) : """
				with changeable as (
				    select id from event_seats
				    where event_id = ? and hold_id = ? and status = 'HELD'
				    order by label
				    for no key update)
				update event_seats set %s
				where id in (select id from changeable) and status = 'HELD'
				returning label, position""".formatted(set);
		var arguments = new ArrayList<Object>();
		if (this.oneWriterAtATime && bookingId != null) {
			arguments.add(bookingId);
		}
		arguments.add(eventId);
		arguments.add(holdId);
		if (!this.oneWriterAtATime && bookingId != null) {
			arguments.add(bookingId);
		}
		var positions = new HashMap<String, Integer>();
		this.jdbc.query(sql, (RowCallbackHandler) (row) -> positions.put(row.getString(1), row.getInt(2)),
				arguments.toArray());
		told(eventId, Math.max(version, moved(eventId, SeatStatus.HELD, to, positions.size())), positions, to);
		return positions;
	}

	/**
	 * Marks the seats {@code BLOCKED} (kept off sale) where they are {@code AVAILABLE}, in one statement, and returns
	 * the labels it marked, in seat-map order. Fewer than asked means some were not available or do not exist: the
	 * caller rolls back.
	 */
	public List<String> block(String eventId, List<String> labels) {
		return inSeatMapOrder(transition(eventId, labels, SeatStatus.AVAILABLE, SeatStatus.BLOCKED, null));
	}

	/**
	 * Makes the seats {@code AVAILABLE} where they are {@code BLOCKED}, in one statement, and returns the labels it
	 * freed, in seat-map order. Fewer than asked means some were not blocked or do not exist: the caller rolls back.
	 */
	public List<String> unblock(String eventId, List<String> labels) {
		return inSeatMapOrder(transition(eventId, labels, SeatStatus.BLOCKED, SeatStatus.AVAILABLE, null));
	}

	/**
	 * Why a change of seats touched fewer seats than it asked for: the labels the event has no seat for (in request
	 * order), and the seats that exist but were not changed (in seat-map order). One read of the requested seats.
	 */
	public ShortClaim shortClaim(String eventId, List<String> labels, Collection<String> changed) {
		var marks = String.join(",", Collections.nCopies(labels.size(), "?"));
		var arguments = new ArrayList<Object>();
		arguments.add(eventId);
		arguments.addAll(labels);
		var existing = new HashSet<String>();
		var taken = new ArrayList<String>();
		this.jdbc.query("select label from event_seats where event_id = ? and label in (%s) order by position"
			.formatted(marks), (RowCallbackHandler) (row) -> {
				existing.add(row.getString(1));
				if (!changed.contains(row.getString(1))) {
					taken.add(row.getString(1));
				}
			}, arguments.toArray());
		return new ShortClaim(labels.stream().filter((label) -> !existing.contains(label)).toList(), taken);
	}

	/** The labels of a change that name no seat of the event, and the seats of it that did not change. */
	public record ShortClaim(List<String> unknown, List<String> taken) {

		/** Refuses with {@code INVALID_REQUEST} (field {@code seats}) naming the labels the event has no seat for. */
		public ShortClaim refuseUnknown() {
			if (!this.unknown.isEmpty()) {
				throw new InvalidRequest("seats", "The event has no seat " + String.join(", ", this.unknown),
						this.unknown);
			}
			return this;
		}
	}

	/**
	 * The one statement of a seat transition: the seats with these labels go from {@code from} to {@code to} (and
	 * belong to the booking, or to the hold when they become {@code HELD}, or to none when it is null) where they are
	 * still {@code from}; returns the positions of
	 * those that changed, by label, and moves the event's counts. The statuses are the enum's names, never caller text.
	 */
	private Map<String, Integer> transition(String eventId, List<String> labels, SeatStatus from, SeatStatus to,
			String ownerId) {
		var trip = this.roundTrips.start();
		var positions = transition(trip, eventId, labels, from, to, ownerId);
		trip.run();
		return positions.get();
	}

	// the transition as statements of a trip: on PostgreSQL the event's lock and the change, sent together
	private Supplier<Map<String, Integer>> transition(RoundTrips.Trip trip, String eventId, List<String> labels,
			SeatStatus from, SeatStatus to, String ownerId) {
		// on PostgreSQL the counts move by every seat asked for with the lock, and back for those that did not change
		var version = lockEventFirst(trip, eventId, from, to, labels.size());
		var marks = String.join(",", Collections.nCopies(labels.size(), "?"));
		var owner = (to == SeatStatus.HELD) ? "hold_id" : "booking_id";
		var set = "status = '" + to.name() + "', " + owner + " = " + ((ownerId != null) ? "?" : "null");
		var sql = this.oneWriterAtATime ? """
				update event_seats set %s
				where event_id = ? and label in (%s) and status = '%s'
				returning label, position""".formatted(set, marks, from.name()) : """
				with changeable as (
				    select id from event_seats
				    where event_id = ? and label in (%s) and status = '%s'
				    order by label
				    for no key update)
				update event_seats set %s
				where id in (select id from changeable) and status = '%s'
				returning label, position""".formatted(marks, from.name(), set, from.name());
		var arguments = new ArrayList<Object>();
		if (this.oneWriterAtATime && ownerId != null) {
			arguments.add(ownerId);
		}
		arguments.add(eventId);
		arguments.addAll(labels);
		if (!this.oneWriterAtATime && ownerId != null) {
			arguments.add(ownerId);
		}
		var positions = trip.<Map<String, Integer>>add(sql, (rows) -> {
			var changed = new HashMap<String, Integer>();
			while (rows.next()) {
				changed.put(rows.getString(1), rows.getInt(2));
			}
			return changed;
		}, arguments.toArray());
		trip.afterwards(() -> {
			var changed = positions.get();
			var made = version.get();
			if (this.oneWriterAtATime) {
				made = moved(eventId, from, to, changed.size());
			}
			else {
				moved(eventId, to, from, labels.size() - changed.size());
			}
			told(eventId, made, changed, to);
		});
		return positions;
	}

	private static List<String> inSeatMapOrder(Map<String, Integer> positions) {
		return positions.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
	}

	/**
	 * Whether the event was called off by a transaction that committed while this one waited for the event's row. A
	 * caller that found the event scheduled before a seat transition asks again after it: on PostgreSQL the
	 * transition locked the event's row first, so the answer holds until this transaction ends, and the statement that
	 * locked it has already read it (no round trip of its own); on SQLite, which has one writer at a time, nothing can
	 * have committed meanwhile.
	 */
	public boolean cancelledMeanwhile(String eventId) {
		if (this.oneWriterAtATime) {
			return false;
		}
		var seen = this.lastLock.get();
		if (seen != null && seen.eventId().equals(eventId) && seen.transaction() != null
				&& seen.transaction() == currentTransaction()) {
			return seen.cancelled();
		}
		return !this.jdbc
			.queryForList("select id from events where id = ? and cancelled_at is not null", String.class, eventId)
			.isEmpty();
	}

	// what identifies the current transaction: the connection it holds, bound to the data source while it runs
	private Object currentTransaction() {
		var dataSource = this.jdbc.getDataSource();
		return (dataSource != null) ? TransactionSynchronizationManager.getResource(dataSource) : null;
	}

	/** What a statement that locked an event's row found: whether the event was cancelled, in which transaction. */
	private record LockSeen(Object transaction, String eventId, boolean cancelled) {
	}

	/** Makes the booking's seats of the event {@code AVAILABLE} again; returns how many. */
	public int release(String eventId, String bookingId) {
		lockEventFirst(eventId);
		var released = this.oneWriterAtATime ? this.seats.release(bookingId)
				: this.seats.releaseInLabelOrder(bookingId);
		moved(eventId, SeatStatus.BOOKED, SeatStatus.AVAILABLE, released);
		return released;
	}

	/**
	 * Makes the seats of the given bookings of the event {@code AVAILABLE} again, one statement per
	 * {@value #CHUNK} bookings (calling an event off releases them all at once); returns how many. On PostgreSQL the
	 * seats are locked in label order first, as a claim does.
	 */
	public int release(String eventId, List<String> bookingIds) {
		if (bookingIds.isEmpty()) {
			return 0;
		}
		lockEventFirst(eventId);
		var released = 0;
		for (int from = 0; from < bookingIds.size(); from += CHUNK) {
			var chunk = bookingIds.subList(from, Math.min(bookingIds.size(), from + CHUNK));
			var marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
			var sql = this.oneWriterAtATime ? """
					update event_seats set status = 'AVAILABLE', booking_id = null
					where event_id = ? and status = 'BOOKED' and booking_id in (%s)""".formatted(marks) : """
					with releasable as (
					    select id from event_seats
					    where event_id = ? and status = 'BOOKED' and booking_id in (%s)
					    order by label
					    for no key update)
					update event_seats set status = 'AVAILABLE', booking_id = null
					where id in (select id from releasable) and status = 'BOOKED'""".formatted(marks);
			var arguments = new ArrayList<Object>();
			arguments.add(eventId);
			arguments.addAll(chunk);
			released += this.jdbc.update(sql, arguments.toArray());
		}
		moved(eventId, SeatStatus.BOOKED, SeatStatus.AVAILABLE, released);
		return released;
	}

	/**
	 * Seat counts by status for the given events (every event when null), by event id: the kept counts, never a count
	 * of seat rows.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<String, Map<SeatStatus, Integer>> countByStatus(Collection<String> eventIds) {
		var counts = new HashMap<String, Map<SeatStatus, Integer>>();
		if (eventIds != null && eventIds.isEmpty()) {
			return counts;
		}
		var sql = "select id, available_seats, booked_seats, held_seats, blocked_seats from events";
		RowCallbackHandler collect = (row) -> {
			var byStatus = new EnumMap<SeatStatus, Integer>(SeatStatus.class);
			byStatus.put(SeatStatus.AVAILABLE, row.getInt(2));
			byStatus.put(SeatStatus.BOOKED, row.getInt(3));
			byStatus.put(SeatStatus.HELD, row.getInt(4));
			byStatus.put(SeatStatus.BLOCKED, row.getInt(5));
			counts.put(row.getString(1), byStatus);
		};
		if (eventIds == null) {
			this.jdbc.query(sql, collect);
		}
		else {
			var ids = List.copyOf(eventIds);
			this.jdbc.query(sql + " where id in (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")",
					collect, ids.toArray());
		}
		return counts;
	}

	/** The event's seat version: a number that every change of its seats bumps. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public long versionOf(String eventId) {
		var versions = this.jdbc.queryForList("select seat_version from events where id = ?", Long.class, eventId);
		return versions.isEmpty() ? -1 : versions.get(0);
	}

	/**
	 * Every seat of the event, its status and category, in seat-map order: a projection, no entity per seat. In a
	 * {@link SeatList} when the seats' positions are their indexes (as for every event this engine creates), which a
	 * seat change names them by.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<SeatMap.Seat> seatsOf(String eventId) {
		var byIndex = new boolean[] { true };
		var seats = this.jdbc.query(
				"select label, status, category, position from event_seats where event_id = ? order by position",
				(row, index) -> {
					byIndex[0] &= row.getInt(4) == index;
					return new SeatMap.Seat(row.getString(1), SeatStatus.valueOf(row.getString(2)), row.getInt(3));
				}, eventId);
		return byIndex[0] ? SeatList.of(seats) : List.copyOf(seats);
	}

	/**
	 * On PostgreSQL, locks the event's row before any of its seats (by bumping its seat version and announcing the
	 * change at commit), so that two writers never wait for each other's seats. SQLite has one writer at a time: there
	 * the version moves with the counts, in one statement after the seats.
	 */
	private long lockEventFirst(String eventId) {
		var trip = this.roundTrips.start();
		var version = lockEventFirst(trip, eventId, SeatStatus.AVAILABLE, SeatStatus.AVAILABLE, 0);
		trip.run();
		return version.get();
	}

	/**
	 * {@link #lockEventFirst(String)} as a statement of a trip, moving the event's kept counts for {@code count}
	 * seats going from {@code from} to {@code to} in the same statement: one statement, and one version of the
	 * event's row, fewer per change. The seat version it made once the trip has run.
	 */
	private Supplier<Long> lockEventFirst(RoundTrips.Trip trip, String eventId, SeatStatus from, SeatStatus to,
			int count) {
		if (this.oneWriterAtATime) {
			return () -> NO_VERSION;
		}
		var moves = count != 0 && from != to;
		var counts = moves ? ", " + countsMoved(from, to) : "";
		var arguments = moves ? new Object[] { count, count, eventId, CHANGES_CHANNEL }
				: new Object[] { eventId, CHANGES_CHANNEL };
		// the notification is delivered at commit, to every runner on the database (and never for a rollback); sent
		// by the statement that locks the row, it costs no round trip of its own
		// it reads whether the event is cancelled too: the row it returns is the one it locked, after any cancellation
		// that committed while it waited (see cancelledMeanwhile)
		var transaction = currentTransaction();
		return trip.add("update events set seat_version = seat_version + 1" + counts + " where id = ? "
				+ "returning seat_version, cancelled_at is not null, pg_notify(?, id)", (rows) -> {
					if (!rows.next()) {
						this.lastLock.remove();
						return NO_VERSION;
					}
					this.lastLock.set(new LockSeen(transaction, eventId, rows.getBoolean(2)));
					return rows.getLong(1);
				}, arguments);
	}

	/**
	 * Moves the event's kept counts for seats that changed status (and, on SQLite, bumps its seat version); returns
	 * the seat version it made on SQLite, {@value #NO_VERSION} otherwise.
	 */
	private long moved(String eventId, SeatStatus from, SeatStatus to, int count) {
		if (count == 0) {
			return NO_VERSION;
		}
		var sql = "update events set " + countsMoved(from, to);
		if (!this.oneWriterAtATime) {
			this.jdbc.update(sql + " where id = ?", count, count, eventId);
			return NO_VERSION;
		}
		var version = this.jdbc.queryForList(sql + ", seat_version = seat_version + 1 where id = ? returning seat_version",
				Long.class, count, count, eventId);
		return version.isEmpty() ? NO_VERSION : version.get(0);
	}

	/** Tells the seat changes of a transition, made at this seat version (none when nothing moved it). */
	private void told(String eventId, long version, Map<String, Integer> positions, SeatStatus to) {
		if (version != NO_VERSION) {
			this.changes.record(eventId, version, positions.values(), to);
		}
	}

	/** The assignments that move the kept counts of seats going from one status to another: the count twice, as ?. */
	private static String countsMoved(SeatStatus from, SeatStatus to) {
		return column(from) + " = " + column(from) + " - ?, " + column(to) + " = " + column(to) + " + ?";
	}

	private static String column(SeatStatus status) {
		return switch (status) {
			case AVAILABLE -> "available_seats";
			case BOOKED -> "booked_seats";
			case HELD -> "held_seats";
			case BLOCKED -> "blocked_seats";
		};
	}
}
