package io.seatline.engine.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.seatline.engine.account.User;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.persistence.RoundTrips;

/** The catalog of venues and events: creating them (admins) and browsing them (anyone). */
@Service
public class EventCatalog {

	/** The columns an event is read from, of {@code events e} joined with its {@code venues v}, ten of them. */
	public static final String EVENT_COLUMNS = """
			e.id, e.name, e.description, v.id, v.name, e.starts_at, e.total_seats, e.cancelled_at, e.cancel_reason, \
			v.time_zone""";

	// far enough for "no upper bound", near enough to stay a valid epoch-millisecond value everywhere
	private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

	// seats of the seat maps kept in memory at once (one small object each, about 70 bytes with its label): ten maps
	// of the largest venue or fifty of 20,000 seats, about 70 MB. Counted in seats, not maps: 64 maps of 100,000 seats
	// would not fit the runner's heap
	private static final long KEPT_SEATS = 1_000_000;

	private final Venues venues;

	private final Events events;

	private final SeatInventory inventory;

	private final SeatChanges changes;

	private final JdbcTemplate jdbc;

	// the latest seat map of each event, with the seat version it shows
	private final SharedReads<String, SeatSnapshot> snapshots = new SharedReads<>(KEPT_SEATS,
			(snapshot) -> snapshot.seats().size());

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final CatalogSettings settings;

	private final PriceSettings priceSettings;

	private final RoundTrips roundTrips;

	EventCatalog(Venues venues, Events events, SeatInventory inventory, SeatChanges changes, JdbcTemplate jdbc,
			Clock clock, ApplicationEventPublisher publisher, CatalogSettings settings, PriceSettings priceSettings,
			RoundTrips roundTrips) {
		this.roundTrips = roundTrips;
		this.changes = changes;
		this.settings = settings;
		this.priceSettings = priceSettings;
		this.publisher = publisher;
		this.venues = venues;
		this.events = events;
		this.inventory = inventory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates a venue with its price categories; {@code CONFLICT} when its name is taken in any case,
	 * {@code INVALID_REQUEST} for categories that do not fit its seats (see {@link SeatCategories}).
	 */
	@Transactional
	public VenueSummary createVenue(User user, CreateVenue command) {
		user.requireAdmin();
		if (this.venues.existsByNameKey(Venue.keyOf(command.name()))) {
			throw new Conflict("A venue named '" + command.name() + "' exists already");
		}
		var timeZone = (command.timeZone() != null) ? command.timeZone() : this.settings.defaultZone();
		var created = new Venue(command, timeZone, this.clock.instant());
		// checked before anything is written
		created.categories(command.categories());
		var saved = this.venues.saveAndFlush(created);
		writeCategories(saved.id(), command.categories());
		var venue = VenueSummary.of(saved);
		this.publisher.publishEvent(new CatalogChanged.VenueCreated(user.username(), venue));
		return venue;
	}

	/**
	 * Replaces a venue's price categories (admins): the events created after take them; events created before keep
	 * the categories they copied. {@code NOT_FOUND} for an unknown venue, {@code INVALID_REQUEST} for categories that
	 * do not fit its seats.
	 */
	@Transactional
	public List<PriceCategory> setVenueCategories(User user, String venueId, List<PriceCategory> categories) {
		user.requireAdmin();
		var venue = ((venueId != null) ? this.venues.findById(venueId) : Optional.<Venue>empty())
			.orElseThrow(() -> new NotFound("No venue has the id " + venueId));
		var declared = PriceCategory.listOf(categories);
		var resolved = venue.categories(declared);
		this.jdbc.update("delete from venue_categories where venue_id = ?", venue.id());
		writeCategories(venue.id(), declared);
		this.publisher.publishEvent(
				new CatalogChanged.VenueCategoriesSet(user.username(), venue.id(), venue.name(), declared));
		return resolved.categories();
	}

	/** A venue's declared price categories, in order (none: every seat in {@link PriceCategory#STANDARD}). */
	@Transactional(readOnly = true)
	public List<PriceCategory> venueCategories(String venueId) {
		return this.jdbc.query(
				"select name, colour, seat_rows, seat_labels from venue_categories where venue_id = ? order by position",
				(row, index) -> new PriceCategory(row.getString(1), row.getString(2), row.getString(3),
						(row.getString(4) == null) ? List.of() : List.of(row.getString(4).split(" "))),
				venueId);
	}

	private void writeCategories(String venueId, List<PriceCategory> categories) {
		var positions = IntStream.range(0, categories.size()).boxed().toList();
		this.jdbc.batchUpdate(
				"insert into venue_categories (venue_id, position, name, colour, seat_rows, seat_labels) "
						+ "values (?, ?, ?, ?, ?, ?)",
				positions, 100, (statement, position) -> {
					var category = categories.get(position);
					statement.setString(1, venueId);
					statement.setInt(2, position);
					statement.setString(3, category.name());
					statement.setString(4, category.colour());
					statement.setString(5, category.rows());
					statement.setString(6, category.seats().isEmpty() ? null : String.join(" ", category.seats()));
				});
	}

	/** Every venue, by name. */
	@Transactional(readOnly = true)
	public List<VenueSummary> venues() {
		return this.venues.findAll()
			.stream()
			.map(VenueSummary::of)
			.sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
			.toList();
	}

	/**
	 * Creates an event at a venue, with one {@code AVAILABLE} seat row per venue seat, each in its price category of
	 * the venue, in one transaction. With prices, every category with seats needs one ({@code INVALID_REQUEST} for a
	 * missing or unknown category); without, the event is free.
	 */
	@Transactional
	public EventDetails createEvent(User user, CreateEvent command) {
		user.requireAdmin();
		var venue = this.venues.findById(command.venueId())
			.orElseThrow(() -> new NotFound("No venue has the id " + command.venueId()));
		if (!command.startsAt().isAfter(this.clock.instant())) {
			throw new InvalidRequest("startsAt", "startsAt must lie in the future");
		}
		var categories = venue.categories(venueCategories(venue.id()));
		var prices = (command.prices() != null) ? command.prices() : new Prices(null, null);
		var priceOf = pricesOf(categories.categories(), prices, !prices.byCategory().isEmpty());
		var currency = (prices.currency() != null) ? prices.currency() : this.priceSettings.currency();
		var event = this.events.saveAndFlush(new Event(venue, command, currency, this.clock.instant()));
		var categoryPositions = IntStream.range(0, categories.categories().size()).boxed().toList();
		this.jdbc.batchUpdate(
				"insert into event_categories (event_id, position, name, colour, price) values (?, ?, ?, ?, ?)",
				categoryPositions, 100, (statement, position) -> {
					var category = categories.categories().get(position);
					statement.setString(1, event.id());
					statement.setInt(2, position);
					statement.setString(3, category.name());
					statement.setString(4, category.colour());
					statement.setLong(5, priceOf[position]);
				});
		var labels = venue.seatLabels();
		// labels come in seat-map order, so a label's index is its position
		var positions = IntStream.range(0, labels.size()).boxed().toList();
		this.jdbc.batchUpdate(
				"insert into event_seats (event_id, label, position, status, category) values (?, ?, ?, 'AVAILABLE', ?)",
				positions, 1000, (statement, position) -> {
					statement.setString(1, event.id());
					statement.setString(2, labels.get(position));
					statement.setInt(3, position);
					statement.setInt(4, categories.seatCategory()[position]);
				});
		var details = details(event, venue);
		this.publisher.publishEvent(new CatalogChanged.EventCreated(user.username(), details));
		return details;
	}

	/**
	 * Edits an event's name, description or start time (admins); answers it as {@link #browse} lists it. A new start
	 * time announces {@link EventMoved} in the same transaction (the bookers' emails). {@code NOT_FOUND} for an
	 * unknown event, {@code CONFLICT} for a cancelled one or for moving one that has started.
	 */
	@Transactional
	public EventSummary updateEvent(User user, UpdateEvent command) {
		user.requireAdmin();
		var event = this.events.lockById(command.eventId())
			.orElseThrow(() -> new NotFound("No event has the id " + command.eventId()));
		var venue = this.venues.findById(event.venueId()).orElseThrow();
		var before = details(event, venue);
		var previousStartsAt = event.startsAt();
		var pricesBefore = (command.prices() != null) ? priceList(event.id()) : null;
		event.edit(command, this.clock.instant());
		if (command.prices() != null) {
			reprice(event.id(), command.prices());
		}
		this.events.saveAndFlush(event);
		var details = details(event, venue);
		var pricesAfter = (command.prices() != null) ? priceList(event.id()) : null;
		this.publisher.publishEvent(
				new CatalogChanged.EventEdited(user.username(), before, details, pricesBefore, pricesAfter));
		if (!previousStartsAt.equals(event.startsAt())) {
			this.publisher.publishEvent(new EventMoved(details, previousStartsAt, event.version()));
		}
		return new EventSummary(details, event.availableSeats());
	}

	/**
	 * The price of each category, in order: those the prices name, the others 0 (free), or {@code INVALID_REQUEST}
	 * when {@code all} is asked for and one is missing; a price for a category that is not there is refused too.
	 */
	private static long[] pricesOf(List<PriceCategory> categories, Prices prices, boolean all) {
		for (var priced : prices.byCategory().keySet()) {
			if (categories.stream().noneMatch((category) -> category.name().equalsIgnoreCase(priced))) {
				throw new InvalidRequest("prices", "The event has no category '" + priced + "'; its categories are "
						+ String.join(", ", categories.stream().map(PriceCategory::name).toList()));
			}
		}
		var priceOf = new long[categories.size()];
		for (int i = 0; i < priceOf.length; i++) {
			var price = prices.priceOf(categories.get(i).name());
			if (price == null && all) {
				throw new InvalidRequest("prices", "Give a price for category '" + categories.get(i).name()
						+ "' too (0 for free seats)");
			}
			priceOf[i] = (price != null) ? price : 0;
		}
		return priceOf;
	}

	/**
	 * Sets the prices of the event's categories that the prices name; the others keep theirs. {@code CONFLICT} for a
	 * new currency once the event has bookings: what they paid stays in the currency they paid.
	 */
	private void reprice(String eventId, Prices prices) {
		if (prices.currency() != null && !this.jdbc.queryForList(
				"select currency from bookings where event_id = ? and currency <> ?",
				String.class, eventId, prices.currency()).isEmpty()) {
			throw new Conflict("The event has bookings in another currency; its currency can no longer change");
		}
		var categories = this.jdbc.query("select name, colour from event_categories where event_id = ? order by position",
				(row, index) -> new PriceCategory(row.getString(1), row.getString(2), null, List.of()), eventId);
		pricesOf(categories, prices, false);
		for (var category : categories) {
			var price = prices.priceOf(category.name());
			if (price != null) {
				this.jdbc.update("update event_categories set price = ? where event_id = ? and name = ?", price, eventId,
						category.name());
			}
		}
	}

	/**
	 * What these seats of the event cost now, by label, and the event's currency: for a booking of them, inside its
	 * transaction. Labels the event does not have are left out.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public SeatPrices seatPrices(String eventId, Collection<String> labels) {
		var trip = this.roundTrips.start();
		var prices = seatPrices(trip, eventId, labels);
		trip.run();
		return prices.get();
	}

	/** {@link #seatPrices(String, Collection)} as a statement of a trip: the prices once the trip has run. */
	public Supplier<SeatPrices> seatPrices(RoundTrips.Trip trip, String eventId, Collection<String> labels) {
		// one statement: the event's currency on every row, and a row per seat found (none but the event's own when
		// no label matches)
		var arguments = new ArrayList<Object>(labels);
		arguments.add(eventId);
		return trip.add("""
				select e.currency, s.label, c.price
				from events e
				left join event_seats s on s.event_id = e.id and s.label in (%s)
				left join event_categories c on c.event_id = s.event_id and c.position = s.category
				where e.id = ?""".formatted(labels.isEmpty() ? "null" : String.join(",",
				Collections.nCopies(labels.size(), "?"))), (rows) -> {
					var byLabel = new HashMap<String, Long>();
					String currency = null;
					while (rows.next()) {
						currency = rows.getString(1);
						if (rows.getString(2) != null) {
							byLabel.put(rows.getString(2), rows.getLong(3));
						}
					}
					return new SeatPrices((currency != null) ? currency : this.priceSettings.currency(), byLabel);
				}, arguments.toArray());
	}

	/** The prices of some seats of an event, in minor units of its currency, by label. */
	public record SeatPrices(String currency, Map<String, Long> byLabel) {

		/** What the seats cost together. */
		public long total() {
			return this.byLabel.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	// the event's currency and prices as the write transaction sees them (the entity's pending edit flushed first)
	private CatalogChanged.PriceList priceList(String eventId) {
		this.events.flush();
		var prices = new LinkedHashMap<String, Long>();
		this.jdbc.query("select name, price from event_categories where event_id = ? order by position",
				(RowCallbackHandler) (row) -> prices.put(row.getString(1), row.getLong(2)), eventId);
		return new CatalogChanged.PriceList(
				this.jdbc.queryForObject("select currency from events where id = ?", String.class, eventId), prices);
	}

	/** The event's currency and its categories with their colours and prices, in order: the seat map's legend. */
	private SeatMap withLegend(EventDetails event, List<SeatMap.Seat> seats) {
		var currency = this.jdbc.queryForObject("select currency from events where id = ?", String.class,
				event.eventId());
		var categories = this.jdbc.query(
				"select name, colour, price from event_categories where event_id = ? order by position",
				(row, index) -> new SeatMap.Category(row.getString(1), row.getString(2), row.getLong(3)),
				event.eventId());
		return new SeatMap(event, seats, currency, categories);
	}

	/**
	 * Marks an event cancelled, inside the caller's transaction (the box office cancels its bookings in the same
	 * one); answers it as it is now. {@code NOT_FOUND} for an unknown event, {@code CONFLICT} when it is cancelled
	 * already.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EventDetails markCancelled(String eventId, String reason) {
		var event = ((eventId != null) ? this.events.lockById(eventId) : Optional.<Event>empty())
			.orElseThrow(() -> new NotFound("No event has the id " + eventId));
		event.cancel(reason, this.clock.instant());
		this.events.saveAndFlush(event);
		return details(event, this.venues.findById(event.venueId()).orElseThrow());
	}

	/** Events by start time, filtered by venue name and dates; see {@link BrowseEvents}. */
	@Transactional(readOnly = true)
	public List<EventSummary> browse(BrowseEvents query) {
		var from = (query.from() != null) ? query.from().atStartOfDay(ZoneOffset.UTC).toInstant()
				: this.clock.instant().plusMillis(1);
		var until = (query.to() != null) ? query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
				: END_OF_TIME;
		var pattern = (query.venue() != null) ? "%" + escapeLike(Venue.keyOf(query.venue())) + "%" : "%";
		// one projection, no entity; the kept count of the event's row: no seat is counted here
		return this.jdbc.query("""
				select %s, e.available_seats
				from events e join venues v on v.id = e.venue_id
				where v.name_key like ? escape '\\' and e.starts_at >= ? and e.starts_at < ?
				order by e.starts_at, e.name, e.id""".formatted(EVENT_COLUMNS),
				(row, index) -> new EventSummary(eventDetails(row), row.getInt(11)),
				pattern, from.toEpochMilli(), until.toEpochMilli());
	}

	/**
	 * An event with every seat and its status; {@code NOT_FOUND} for an unknown event. The seats are read as a
	 * projection once per committed seat version of the event: read-only calls for an unchanged event share one
	 * snapshot, and a call may be served a snapshot newer than its own transaction's view, never an older one.
	 */
	@Transactional(readOnly = true)
	public SeatMap seatMap(String eventId) {
		var event = event(eventId);
		var version = this.inventory.versionOf(eventId);
		if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// inside a write (a composition such as reserveSeats,eventSeats) the seats and the version may never
			// commit: read them, but keep no snapshot of them
			return withLegend(event, this.inventory.seatsOf(eventId));
		}
		// while seats sell, readers would otherwise each read all 20,000 seats of a changed map at once
		var snapshot = this.snapshots.get(eventId, (kept) -> kept.version() >= version,
				(kept) -> newer(eventId, kept, version));
		// a snapshot newer than this transaction's view is served as it is: never older than what the caller saw
		// the legend is read every time: prices change without any seat changing
		return withLegend(event, snapshot.seats());
	}

	/**
	 * The event's seats at {@code version} or later: the kept snapshot with the changes this process committed since
	 * (the blocks of seats no change touched are shared with it), or, when some version in between is not known here,
	 * every seat read again.
	 */
	private SeatSnapshot newer(String eventId, SeatSnapshot kept, long version) {
		if (kept != null && kept.seats() instanceof SeatList seats) {
			var changes = this.changes.after(eventId, kept.version(), version);
			if (changes != null && !changes.isEmpty()) {
				// in version order: a seat changed twice ends as the later change left it
				var statuses = new HashMap<Integer, SeatStatus>();
				changes.forEach((change) -> Arrays.stream(change.positions())
					.forEach((position) -> statuses.put(position, change.status())));
				return new SeatSnapshot(changes.get(changes.size() - 1).version(), seats.with(statuses));
			}
		}
		return new SeatSnapshot(version, this.inventory.seatsOf(eventId));
	}

	/**
	 * The seat versions of these events, by id (unknown ids are left out): a version changes whenever a seat of its
	 * event changes, in this process or any other on the same database.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> seatVersions(Collection<String> eventIds) {
		var versions = new HashMap<String, Long>();
		for (var eventId : eventIds) {
			var version = this.inventory.versionOf(eventId);
			if (version >= 0) {
				versions.put(eventId, version);
			}
		}
		return versions;
	}

	/** One event with its venue; {@code NOT_FOUND} for an unknown id. Read as one projection, no entity. */
	@Transactional(readOnly = true)
	public EventDetails event(String eventId) {
		var found = (eventId == null) ? List.<EventDetails>of() : this.jdbc.query("""
				select %s
				from events e join venues v on v.id = e.venue_id where e.id = ?""".formatted(EVENT_COLUMNS),
				(row, index) -> eventDetails(row), eventId);
		if (found.isEmpty()) {
			throw new NotFound("No event has the id " + eventId);
		}
		return found.get(0);
	}

	/** The events with these ids that exist, by id. */
	@Transactional(readOnly = true)
	public Map<String, EventDetails> events(Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return Map.of();
		}
		return details(this.events.findByIdIn(eventIds));
	}

	/** Every event, by start time. */
	@Transactional(readOnly = true)
	public List<EventDetails> allEvents() {
		var all = this.events.findAllByOrderByStartsAtAscNameAscIdAsc();
		var details = details(all);
		return all.stream().map((event) -> details.get(event.id())).toList();
	}

	private Map<String, EventDetails> details(List<Event> found) {
		var venueById = this.venues.findByIdIn(found.stream().map(Event::venueId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Venue::id, Function.identity()));
		var details = new HashMap<String, EventDetails>();
		for (var event : found) {
			details.put(event.id(), details(event, venueById.get(event.venueId())));
		}
		return details;
	}

	private static EventDetails details(Event event, Venue venue) {
		return new EventDetails(event.id(), event.name(), event.description(), venue.id(), venue.name(),
				event.startsAt(), event.totalSeats(), event.cancelledAt(), event.cancelReason(), venue.timeZone());
	}

	// the first ten columns of an event's projection: id, name, description, venue id and name, start, seats,
	// cancelled at, cancel reason, the venue's time zone
	/**
	 * An event with its venue from the first columns of a row that begins with {@link #EVENT_COLUMNS} (of
	 * {@code events e} joined with its {@code venues v}): for a read that needs an event beside other rows.
	 */
	public static EventDetails eventDetails(ResultSet row) throws SQLException {
		var cancelledAt = row.getObject(8);
		return new EventDetails(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
				row.getString(5), Instant.ofEpochMilli(row.getLong(6)), row.getInt(7),
				(cancelledAt instanceof Number millis) ? Instant.ofEpochMilli(millis.longValue()) : null,
				row.getString(9), ZoneId.of(row.getString(10)));
	}

	private record SeatSnapshot(long version, List<SeatMap.Seat> seats) {
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
