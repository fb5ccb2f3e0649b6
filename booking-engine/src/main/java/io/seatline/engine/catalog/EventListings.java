package io.seatline.engine.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private final Map<BrowseEvents, Listing> kept = new ConcurrentHashMap<>();

	private final Map<BrowseEvents, Object> readers = new ConcurrentHashMap<>();

	EventListings(EventCatalog catalog, DatabaseChanges changes, Clock clock) {
		this.catalog = catalog;
		this.changes = changes;
		this.clock = clock;
	}

	/** As {@link EventCatalog#browse}, from memory when nothing was committed since it was read. */
	public List<EventSummary> browse(BrowseEvents query) {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// inside a write (a step of a composition): what it wrote and has not committed is part of its list
			return this.catalog.browse(query);
		}
		var seen = this.changes.current();
		if (seen.isEmpty()) {
			return this.catalog.browse(query);
		}
		var listing = this.kept.get(query);
		if (listing != null && listing.servesAt(seen.getAsLong(), this.clock.instant())) {
			return listing.events();
		}
		synchronized (this.readers.computeIfAbsent(query, (key) -> new Object())) {
			listing = this.kept.get(query);
			if (listing != null && listing.servesAt(seen.getAsLong(), this.clock.instant())) {
				return listing.events();
			}
			var readAt = this.clock.instant();
			var events = this.catalog.browse(query);
			var until = (query.from() != null) ? Instant.MAX
					: events.stream().map((summary) -> summary.event().startsAt()).min(Instant::compareTo).orElse(Instant.MAX);
			if (this.kept.size() >= KEPT) {
				this.kept.clear();
				this.readers.clear();
			}
			listing = new Listing(seen.getAsLong(), readAt, until, events);
			this.kept.put(query, listing);
			return listing.events();
		}
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
