package io.seatline.engine.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.seatline.engine.persistence.DatabaseChanges;

/**
 * The event list ({@link EventCatalog#browse}) served from memory while the database is unchanged: a listing is read
 * once per commit to the database (by this process or any other on the same file) and handed to every caller until
 * the next one, so browsing costs no transaction, no connection and no query while nothing changes, and one query per
 * commit while seats sell. One caller reads a missing listing; the others asking for it meanwhile wait and take it.
 * Where the database cannot tell that nothing changed (PostgreSQL), every call reads.
 * <p>
 * A listing is never older than the database was when its caller asked: it is read after the caller's look at
 * {@link DatabaseChanges}. A listing without a {@code from} date leaves out events that have started: it is kept only
 * until the first of its events starts, and not for a clock set back before it was read.
 */
@Component
public class EventListings {

	/** The queries kept at once: the next one after these starts over (people mostly ask for a few lists). */
	private static final int KEPT = 64;

	private final EventCatalog catalog;

	private final DatabaseChanges changes;

	private final Clock clock;

	private final SharedReads<BrowseEvents, Listing> kept = new SharedReads<>(KEPT);

	EventListings(EventCatalog catalog, DatabaseChanges changes, Clock clock) {
		this.catalog = catalog;
		this.changes = changes;
		this.clock = clock;
	}

	/** As {@link EventCatalog#browse}, from memory when nothing was committed since it was read. */
	public List<EventSummary> browse(BrowseEvents query) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// a step of a composition reads in its transaction: what a write step has not committed yet is part of
			// its list, and a read step's view may be older than the number looked at now, so nothing is kept
			return this.catalog.browse(query);
		}
		var seen = this.changes.current();
		if (seen.isEmpty()) {
			return this.catalog.browse(query);
		}
		return this.kept.get(query, (listing) -> listing.servesAt(seen.getAsLong(), this.clock.instant()), () -> {
			var readAt = this.clock.instant();
			var events = this.catalog.browse(query);
			var until = (query.from() != null) ? Instant.MAX : firstStart(events);
			return new Listing(seen.getAsLong(), readAt, until, events);
		}).events();
	}

	private static Instant firstStart(List<EventSummary> events) {
		return events.stream().map((summary) -> summary.event().startsAt()).min(Instant::compareTo).orElse(Instant.MAX);
	}

	/**
	 * A listing read after the database's change number was {@code version}, at clock time {@code readAt}, right
	 * until {@code until}.
	 */
	private record Listing(long version, Instant readAt, Instant until, List<EventSummary> events) {

		Listing {
			events = List.copyOf(events);
		}

		boolean servesAt(long seen, Instant now) {
			return this.version >= seen && !now.isBefore(this.readAt) && now.isBefore(this.until);
		}
	}
}
