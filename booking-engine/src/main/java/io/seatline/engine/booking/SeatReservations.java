package io.seatline.engine.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.AccountDirectory;
import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.Money;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.engine.persistence.Ids;
import io.seatline.engine.persistence.RoundTrips;

/** Books seats, all or none, and cancels bookings. */
@Service
public class SeatReservations {

	private static final Log logger = LogFactory.getLog(SeatReservations.class);

	// a clash of two random references is rare; ten in a row means something else is wrong
	private static final int MAX_REFERENCE_DRAWS = 10;

	private static final String INSERT_BOOKING = """
			insert into bookings (id, version, event_id, account_id, status, created_at, reference, amount, currency)
			values (?, 0, ?, ?, 'CONFIRMED', ?, ?, ?, ?) on conflict (reference) do nothing""";

	// PostgreSQL: the booking and its seats in one statement; no seat row is written when the reference was taken
	private static final String INSERT_BOOKING_WITH_SEATS = """
			with booking as (%s returning id, event_id)
			insert into booking_seats (booking_id, event_id, label, position, price)
			select b.id, b.event_id, s.label, s.position, s.price
			from booking b, unnest(?::text[], ?::bigint[], ?::bigint[]) as s (label, position, price)"""
		.formatted(INSERT_BOOKING);

	// PostgreSQL, in a sale's round trip: the booking and its ledger rows, from the seats the claim took for it and
	// what they cost now; nothing unless it took every seat asked for, or when the reference drawn is taken
	private static final String INSERT_CLAIMED = """
			with booking as (
			    insert into bookings (id, version, event_id, account_id, status, created_at, reference, amount,
			                          currency)
			    select ?, 0, e.id, ?, 'CONFIRMED', ?, ?, coalesce(sum(c.price), 0), e.currency
			    from events e
			    join event_seats s on s.event_id = e.id and s.booking_id = ?
			    left join event_categories c on c.event_id = s.event_id and c.position = s.category
			    where e.id = ?
			    group by e.id, e.currency
			    having count(*) = ?
			    on conflict (reference) do nothing
			    returning id, event_id)
			insert into booking_seats (booking_id, event_id, label, position, price)
			select b.id, b.event_id, s.label, s.position, coalesce(c.price, 0)
			from booking b
			join event_seats s on s.event_id = b.event_id and s.booking_id = b.id
			left join event_categories c on c.event_id = s.event_id and c.position = s.category
			returning label""";

	private final Bookings bookings;

	private final EventCatalog catalog;

	private final SeatInventory inventory;

	private final ApplicationEventPublisher publisher;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final BookingSettings settings;

	private final AccountDirectory accounts;

	private final RoundTrips roundTrips;

	// PostgreSQL runs writers of several processes at once: an account's bookings take turns there (see capFor)
	private final boolean oneWriterAtATime;

	SeatReservations(Bookings bookings, EventCatalog catalog, SeatInventory inventory,
			ApplicationEventPublisher publisher, JdbcTemplate jdbc, Clock clock, BookingSettings settings,
			DatabaseUrl database, AccountDirectory accounts, RoundTrips roundTrips) {
		this.jdbc = jdbc;
		this.roundTrips = roundTrips;
		this.accounts = accounts;
		this.settings = settings;
		this.oneWriterAtATime = database.isSqlite();
		this.bookings = bookings;
		this.catalog = catalog;
		this.inventory = inventory;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Books every requested seat for the user, or none: {@code SEATS_UNAVAILABLE} naming the seats that are taken,
	 * {@code CONFLICT} once the event has started or when the account would hold more seats of the event than its
	 * cap allows (over all its live bookings), {@code INVALID_REQUEST} for seats the event does not have.
	 */
	@Transactional
	public BookingDetails reserve(User user, ReserveSeats command) {
		// the account's lock (PostgreSQL), the event and the account's seats of it, the event's lock and the claim,
		// what the seats cost now and (PostgreSQL) the booking itself: sent together, one round trip to PostgreSQL.
		// They do not wait for the checks below: should one refuse, throwing rolls them back with the rest of this
		// request
		var bookingId = Ids.next();
		var reference = this.oneWriterAtATime ? null : BookingReferences.next();
		var now = this.clock.instant();
		var trip = this.roundTrips.start();
		var found = eventFor(trip, user, command.eventId());
		var claimed = this.inventory.claimPositions(trip, command.eventId(), command.seats(), bookingId);
		// read after the claim, which on PostgreSQL holds the event's row: the booking keeps them, whatever the
		// prices become
		var priced = this.catalog.seatPrices(trip, command.eventId(), command.seats());
		var booked = this.oneWriterAtATime ? null
				: trip.add(INSERT_CLAIMED, RoundTrips::count, bookingId, user.id(), now.toEpochMilli(), reference,
						bookingId, command.eventId(), command.seats().size());
		try {
			trip.run();
		}
		catch (DataIntegrityViolationException ex) {
			// the unique index on live booked seats refused a second sale: the claim should make this unreachable,
			// so say so loudly, and refuse the booking as the contract says
			logger.error("The booked-seat index refused booking " + bookingId + " of " + command.seats(), ex);
			throw new SeatsUnavailable(command.seats());
		}
		var event = found.get().event();
		if (event.isCancelled()) {
			throw new Conflict("The event is cancelled; it can no longer be booked");
		}
		if (event.hasStartedAt(now)) {
			throw new Conflict("The event has already started; it can no longer be booked");
		}
		found.get().requireRoomFor(command.seats().size());
		// the one statement that sells seats: it only touches AVAILABLE ones, and what it returns says if all were
		var positions = claimed.get();
		if (this.inventory.cancelledMeanwhile(event.eventId())) {
			// on PostgreSQL the claim waited for the event's row: a cancellation may have committed meanwhile
			throw new Conflict("The event is cancelled; it can no longer be booked");
		}
		if (positions.size() != command.seats().size()) {
			// throwing rolls back the seats this statement did claim
			throw new SeatsUnavailable(
					this.inventory.shortClaim(event.eventId(), command.seats(), positions.keySet()).refuseUnknown().taken());
		}
		var prices = priced.get();
		if (prices.total() > 0 && !user.isAdmin()) {
			// seats that cost money are sold by a payment: held, paid for, then confirmed (the box office, an admin,
			// still sells them in one step, taking the money at the desk); throwing rolls the claim back
			throw new Conflict("These seats cost " + Money.format(prices.total(), prices.currency())
					+ ": hold them (holdSeats) and pay (payHold); they are booked when the payment arrives");
		}
		if (booked != null && booked.get() == positions.size()) {
			var labels = inSeatMapOrder(positions).stream().map(Map.Entry::getKey).toList();
			return confirmed(bookingId, reference, event, user.id(), user.username(), labels,
					seatPrices(labels, prices), prices, now);
		}
		// SQLite; or, about one chance in a million with a million bookings, the reference drawn was taken
		return sell(bookingId, event, user.id(), user.username(), positions, prices, now);
	}

	/**
	 * Writes the confirmed booking of seats already claimed for it (given with their seat-map positions and what they
	 * cost now) and its ledger rows, and publishes {@link BookingConfirmed} in the transaction: a sale's and a
	 * confirmed hold's last step.
	 */
	BookingDetails sell(String bookingId, EventDetails event, String accountId, String username,
			Map<String, Integer> positions, EventCatalog.SeatPrices prices, Instant now) {
		// the seats in seat-map order, each with its position and what it costs
		var seats = inSeatMapOrder(positions);
		var labels = seats.stream().map(Map.Entry::getKey).toList();
		var seatPrices = seatPrices(labels, prices);
		String reference = null;
		try {
			// the booking and its ledger rows, written as rows: no entity is needed to answer. Should the random
			// reference be taken (about one chance in a million with a million bookings), another is drawn
			for (int attempt = 0; attempt < MAX_REFERENCE_DRAWS && reference == null; attempt++) {
				var drawn = BookingReferences.next();
				var booking = new Object[] { bookingId, event.eventId(), accountId, now.toEpochMilli(), drawn,
						prices.total(), prices.currency() };
				if (this.oneWriterAtATime ? insertRows(booking, seats, seatPrices)
						: insertInOneStatement(booking, seats, seatPrices)) {
					reference = drawn;
				}
			}
		}
		catch (DataIntegrityViolationException ex) {
			// the unique index on live booked seats refused a second sale: the claim above should make this
			// unreachable, so say so loudly, and refuse the booking as the contract says
			logger.error("The booked-seat index refused booking " + bookingId + " of " + positions.keySet(), ex);
			throw new SeatsUnavailable(labels);
		}
		if (reference == null) {
			throw new IllegalStateException("No free booking reference in " + MAX_REFERENCE_DRAWS + " draws");
		}
		return confirmed(bookingId, reference, event, accountId, username, labels, seatPrices, prices, now);
	}

	// the booking written (its seats in seat-map order, each with what it cost): its details, and BookingConfirmed
	// published in the transaction
	private BookingDetails confirmed(String bookingId, String reference, EventDetails event, String accountId,
			String username, List<String> labels, List<Long> seatPrices, EventCatalog.SeatPrices prices,
			Instant now) {
		var details = new BookingDetails(bookingId, reference, event, accountId, username, labels,
				BookingStatus.CONFIRMED, now, null, null, prices.total(), prices.currency(), seatPrices);
		this.publisher.publishEvent(new BookingConfirmed(details));
		return details;
	}

	// the seats in seat-map order, each with its position
	private static List<Map.Entry<String, Integer>> inSeatMapOrder(Map<String, Integer> positions) {
		return positions.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
	}

	// what each seat costs, in the order of the labels
	private static List<Long> seatPrices(List<String> labels, EventCatalog.SeatPrices prices) {
		return labels.stream().map((label) -> prices.byLabel().getOrDefault(label, 0L)).toList();
	}

	// SQLite: the booking's row, then its ledger rows in one batch; false when the reference was taken
	private boolean insertRows(Object[] booking, List<Map.Entry<String, Integer>> seats, List<Long> seatPrices) {
		if (this.jdbc.update(INSERT_BOOKING, booking) != 1) {
			return false;
		}
		var rows = new ArrayList<Object[]>();
		for (int i = 0; i < seats.size(); i++) {
			rows.add(new Object[] { booking[0], booking[1], seats.get(i).getKey(), seats.get(i).getValue(),
					seatPrices.get(i) });
		}
		this.jdbc.batchUpdate(
				"insert into booking_seats (booking_id, event_id, label, position, price) values (?, ?, ?, ?, ?)", rows);
		return true;
	}

	// PostgreSQL: the booking and its ledger rows in one statement, one round trip; false when the reference was taken
	private boolean insertInOneStatement(Object[] booking, List<Map.Entry<String, Integer>> seats,
			List<Long> seatPrices) {
		return this.jdbc.update(INSERT_BOOKING_WITH_SEATS, (statement) -> {
			for (int index = 0; index < booking.length; index++) {
				statement.setObject(index + 1, booking[index]);
			}
			var connection = statement.getConnection();
			statement.setArray(8, connection.createArrayOf("text", seats.stream().map(Map.Entry::getKey).toArray()));
			statement.setArray(9,
					connection.createArrayOf("bigint", seats.stream().map((seat) -> (long) seat.getValue()).toArray()));
			statement.setArray(10, connection.createArrayOf("bigint", seatPrices.toArray()));
		}) == seats.size();
	}

	/**
	 * The event to book or hold seats of, and the seats the account holds of it against the event's cap (or the
	 * engine's default): those of all its live bookings and active holds, not counted when the cap is at least the
	 * event's size. One statement of the trip, after the account's lock on PostgreSQL; once the trip has run, the
	 * event, or {@code NOT_FOUND} for an unknown one.
	 */
	Supplier<EventForAccount> eventFor(RoundTrips.Trip trip, User user, String eventId) {
		if (!this.oneWriterAtATime) {
			// two runners booking for one account at once would each count without the other's seats
			trip.add("select id from accounts where id = ? for update", (rows) -> null, user.id());
		}
		var found = trip.add("""
				select %s, coalesce(e.max_seats_per_account, ?),
				       case when coalesce(e.max_seats_per_account, ?) >= e.total_seats then 0 else (
				           select count(*) from bookings b join booking_seats s on s.booking_id = b.id
				           where b.account_id = ? and b.event_id = e.id and b.status = 'CONFIRMED'
				             and s.released_at is null) + (
				           select count(*) from holds h join event_seats s on s.hold_id = h.id
				           where h.account_id = ? and h.event_id = e.id and h.status = 'ACTIVE') end
				from events e join venues v on v.id = e.venue_id where e.id = ?""".formatted(EventCatalog.EVENT_COLUMNS),
				(rows) -> rows.next()
						? new EventForAccount(EventCatalog.eventDetails(rows), rows.getInt(11), rows.getInt(12)) : null,
				this.settings.maxSeatsPerAccount(), this.settings.maxSeatsPerAccount(), user.id(), user.id(), eventId);
		return () -> {
			if (found.get() == null) {
				throw new NotFound("No event has the id " + eventId);
			}
			return found.get();
		};
	}

	/** An event, and how many seats of it an account holds and may hold. */
	record EventForAccount(EventDetails event, int limit, int held) {

		/**
		 * Refuses a booking or hold of this many seats more that would leave the account holding more than the cap.
		 */
		void requireRoomFor(int requested) {
			if (this.held + requested > this.limit) {
				throw new Conflict("One account may hold at most " + this.limit + " seats of this event; you hold "
						+ this.held + " and asked for " + requested, Map.of("limit", this.limit, "held", this.held));
			}
		}
	}

	/**
	 * Cancels the user's booking and makes its seats available in the same transaction. {@code FORBIDDEN} for
	 * another user's booking, {@code CONFLICT} when already cancelled or once the event has started.
	 */
	@Transactional
	public BookingDetails cancel(User user, String bookingId) {
		var booking = locked(bookingId);
		if (!booking.accountId().equals(user.id())) {
			throw new Forbidden("This booking belongs to another user");
		}
		return cancel(booking, user.username(), null, user.username());
	}

	/**
	 * The box office cancels a customer's booking, found by its id or its reference, for the reason given, which the
	 * customer's cancellation email quotes. {@code FORBIDDEN} unless the user is an admin; otherwise the rules of
	 * {@link #cancel(User, String)}, whoever owns the booking.
	 */
	@Transactional
	public BookingDetails cancelFor(User user, CancelBookingFor command) {
		user.requireAdmin();
		var booking = (command.reference() != null) ? this.bookings.lockByReference(command.reference())
			.orElseThrow(() -> new NotFound("No booking has the reference " + command.reference()))
				: locked(command.bookingId());
		var owner = this.accounts.usernames(List.of(booking.accountId())).get(booking.accountId());
		return cancel(booking, owner, command.reason(), user.username());
	}

	/** The booking, locked: a second cancellation of it waits for this one, then finds it cancelled. */
	private Booking locked(String bookingId) {
		var booking = (bookingId != null) ? this.bookings.lockById(bookingId).orElse(null) : null;
		if (booking == null) {
			throw new NotFound("No booking has the id " + bookingId);
		}
		return booking;
	}

	private BookingDetails cancel(Booking booking, String username, String reason, String cancelledBy) {
		var event = this.catalog.event(booking.eventId());
		var now = this.clock.instant();
		if (booking.status() == BookingStatus.CONFIRMED && event.hasStartedAt(now)) {
			throw new Conflict("The event has already started; the booking can no longer be cancelled");
		}
		booking.cancel(now, reason);
		var released = this.inventory.release(booking.eventId(), booking.id());
		if (released != booking.seatLabels().size()) {
			throw new IllegalStateException("Booking " + booking.id() + " held " + booking.seatLabels().size()
					+ " seats but " + released + " were released");
		}
		this.bookings.saveAndFlush(booking);
		var details = BookingDetails.of(booking, event, username);
		this.publisher.publishEvent(new BookingCancelled(details, cancelledBy, reason != null));
		return details;
	}

	/** The user's bookings, newest first, confirmed and cancelled. */
	@Transactional(readOnly = true)
	public List<BookingDetails> bookingsOf(User user) {
		var found = this.bookings.findByAccountIdOrderByCreatedAtDescIdDesc(user.id());
		var events = this.catalog.events(found.stream().map(Booking::eventId).distinct().toList());
		return found.stream()
			.map((booking) -> BookingDetails.of(booking, events.get(booking.eventId()), user.username()))
			.toList();
	}

	/** One booking with its event and owner, for the engine's own jobs (emails), which check no owner. */
	@Transactional(readOnly = true)
	public BookingDetails details(String bookingId) {
		if (bookingId == null) {
			throw new NotFound("No booking has the id null");
		}
		var trip = this.roundTrips.start();
		var found = details(trip, "?", bookingId);
		trip.run();
		return found.get().orElseThrow(() -> new NotFound("No booking has the id " + bookingId));
	}

	/**
	 * {@link #details(String)} as one statement of a trip, for the booking whose id a query finds (an email job names
	 * its booking: the job and its booking are then read in one round trip). Once the trip has run: the booking, if
	 * there is one.
	 */
	public Supplier<Optional<BookingDetails>> details(RoundTrips.Trip trip, String bookingIdQuery,
			Object... arguments) {
		// one statement, no entity: a row per seat, each with the booking and its event
		return trip.add("""
				select %s, b.id, b.reference, b.account_id, a.username, b.status, b.created_at, b.cancelled_at,
				       b.cancel_reason, b.amount, b.currency, s.label, s.price
				from bookings b join accounts a on a.id = b.account_id
				join events e on e.id = b.event_id join venues v on v.id = e.venue_id
				left join booking_seats s on s.booking_id = b.id
				where b.id = (%s)
				order by s.position""".formatted(EventCatalog.EVENT_COLUMNS, bookingIdQuery), (rows) -> {
					BookingDetails booking = null;
					var seats = new ArrayList<String>();
					var seatPrices = new ArrayList<Long>();
					while (rows.next()) {
						if (booking == null) {
							booking = new BookingDetails(rows.getString(11), rows.getString(12),
									EventCatalog.eventDetails(rows), rows.getString(13), rows.getString(14), List.of(),
									BookingStatus.valueOf(rows.getString(15)), Instant.ofEpochMilli(rows.getLong(16)),
									instantOrNull(rows.getObject(17)), rows.getString(18), rows.getLong(19),
									rows.getString(20), List.of());
						}
						if (rows.getString(21) != null) {
							seats.add(rows.getString(21));
							seatPrices.add(rows.getLong(22));
						}
					}
					return Optional.ofNullable(booking).map((found) -> found.withSeats(seats, seatPrices));
				}, arguments);
	}

	static Instant instantOrNull(Object millis) {
		return (millis instanceof Number number) ? Instant.ofEpochMilli(number.longValue()) : null;
	}

	/** True when the account holds a confirmed booking for the event. */
	@Transactional(readOnly = true)
	public boolean hasConfirmedBooking(String accountId, String eventId) {
		return this.bookings.existsByEventIdAndAccountIdAndStatus(eventId, accountId, BookingStatus.CONFIRMED);
	}
}
