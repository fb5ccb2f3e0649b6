package io.seatline.engine.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.AccountDirectory;
import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.Money;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.jobs.Jobs;
import io.seatline.engine.persistence.Ids;
import io.seatline.engine.persistence.RoundTrips;

/**
 * Holds seats for a buyer while they pay ({@code HELD}, all or none, for {@code seatline.booking.hold-duration}),
 * confirms a hold into a booking, and gives held seats back when the buyer releases them or the time runs out. Each end
 * of a hold is one conditional statement on its row ({@code status = 'ACTIVE'}), so a confirmation and an expiry that
 * race cannot both win; the expiry is a durable db-scheduler job scheduled in the hold's own transaction.
 */
@Service
public class SeatHolds {

	/** The one-time task that expires a hold; its instance id is the hold's id. */
	static final TaskDescriptor<Void> EXPIRY = TaskDescriptor.of("hold-expiry");

	private final EventCatalog catalog;

	private final SeatInventory inventory;

	private final SeatReservations reservations;

	private final AccountDirectory accounts;

	private final ApplicationEventPublisher publisher;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final BookingSettings settings;

	private final Jobs jobs;

	private final RoundTrips roundTrips;

	SeatHolds(EventCatalog catalog, SeatInventory inventory, SeatReservations reservations, AccountDirectory accounts,
			ApplicationEventPublisher publisher, JdbcTemplate jdbc, Clock clock, BookingSettings settings, Jobs jobs,
			RoundTrips roundTrips) {
		this.roundTrips = roundTrips;
		this.catalog = catalog;
		this.inventory = inventory;
		this.reservations = reservations;
		this.accounts = accounts;
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.jobs = jobs;
	}

	/**
	 * Holds every requested seat for the user until the hold expires, or none, refused as a sale is:
	 * {@code SEATS_UNAVAILABLE} naming the seats that are taken, held or blocked, {@code INVALID_REQUEST} for seats the
	 * event does not have, {@code CONFLICT} for a cancelled or started event or over the account's seat cap (which
	 * counts held seats too). The hold's expiry job is scheduled in the same transaction.
	 */
	@Transactional
	public HoldDetails hold(User user, HoldSeats command) {
		// as a sale: the account's lock (PostgreSQL), the event with the account's seats of it, the hold's row, the
		// event's lock and the claim, and the prices, sent together (one round trip to PostgreSQL); a refusal below
		// rolls them all back
		var holdId = Ids.next();
		var now = this.clock.instant();
		var expiresAt = now.plus(this.settings.holdDuration());
		var trip = this.roundTrips.start();
		var found = this.reservations.eventFor(trip, user, command.eventId());
		// no row for an event that does not exist: that is NOT_FOUND below
		trip.add("insert into holds (id, event_id, account_id, status, created_at, expires_at) "
				+ "select ?, id, ?, 'ACTIVE', ?, ? from events where id = ?", (rows) -> null, holdId, user.id(),
				now.toEpochMilli(), expiresAt.toEpochMilli(), command.eventId());
		// the one statement that holds seats: it only touches AVAILABLE ones, as a sale's claim
		var held = this.inventory.hold(trip, command.eventId(), command.seats(), holdId);
		var priced = this.catalog.seatPrices(trip, command.eventId(), command.seats());
		trip.run();
		var event = found.get().event();
		if (event.isCancelled()) {
			throw new Conflict("The event is cancelled; its seats can no longer be held");
		}
		if (event.hasStartedAt(now)) {
			throw new Conflict("The event has already started; its seats can no longer be held");
		}
		found.get().requireRoomFor(command.seats().size());
		var positions = held.get();
		if (this.inventory.cancelledMeanwhile(event.eventId())) {
			throw new Conflict("The event is cancelled; its seats can no longer be held");
		}
		if (positions.size() != command.seats().size()) {
			// throwing rolls back the seats this statement did hold, the hold's row and nothing is scheduled
			throw new SeatsUnavailable(
					this.inventory.shortClaim(event.eventId(), command.seats(), positions.keySet()).refuseUnknown().taken());
		}
		this.jobs.client().scheduleIfNotExists(EXPIRY.instance(holdId).build(), expiresAt);
		this.publisher.publishEvent(new HoldChanged(event.eventId(), HoldStatus.ACTIVE));
		var seats = positions.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
		var prices = priced.get();
		return new HoldDetails(holdId, event.eventId(), user.id(), seats, HoldStatus.ACTIVE, expiresAt, null,
				prices.total(), prices.currency());
	}

	/**
	 * Confirms the user's own live hold into a booking, as {@link #confirm(String)} does; {@code FORBIDDEN} for
	 * another user's hold.
	 */
	@Transactional
	public BookingDetails confirm(User user, String holdId) {
		var hold = find(holdId);
		if (!hold.accountId().equals(user.id())) {
			throw new Forbidden("This hold belongs to another user");
		}
		if (hold.status() == HoldStatus.ACTIVE) {
			var seats = this.jdbc.queryForList("select label from event_seats where hold_id = ?", String.class, holdId);
			var prices = this.catalog.seatPrices(hold.eventId(), seats);
			if (prices.total() > 0) {
				// seats that cost money are sold by a payment (payHold), never by the buyer's word alone
				throw new Conflict("These seats cost " + Money.format(prices.total(), prices.currency())
						+ ": pay for the hold (payHold); it is confirmed when the payment arrives");
			}
		}
		return confirm(holdId);
	}

	/**
	 * Sells the seats of a live hold to its buyer as a confirmed booking (the confirmation email scheduled as for a
	 * sale): what a payment step calls once the payment succeeded, with the hold's id alone. {@code CONFLICT} when the
	 * hold expired (its time ran out, even if its expiry job has not run yet), was released or confirmed already, or
	 * its event was cancelled or has started; then nothing is sold. {@code NOT_FOUND} for an unknown hold.
	 */
	@Transactional
	public BookingDetails confirm(String holdId) {
		var hold = find(holdId);
		var now = this.clock.instant();
		var bookingId = Ids.next();
		// the one statement that decides between a confirmation and an expiry or release: only an ACTIVE hold passes
		if (this.jdbc.update("update holds set status = 'CONFIRMED', booking_id = ?, ended_at = ? "
				+ "where id = ? and status = 'ACTIVE' and expires_at > ?", bookingId, now.toEpochMilli(), holdId,
				now.toEpochMilli()) != 1) {
			throw ended(find(holdId), "confirmed");
		}
		var event = this.catalog.event(hold.eventId());
		if (event.isCancelled()) {
			throw new Conflict("The event is cancelled; the hold can no longer be confirmed");
		}
		if (event.hasStartedAt(now)) {
			throw new Conflict("The event has already started; the hold can no longer be confirmed");
		}
		var positions = this.inventory.sellHeld(hold.eventId(), holdId, bookingId);
		if (positions.isEmpty()) {
			throw new IllegalStateException("The active hold " + holdId + " held no seat");
		}
		var username = this.accounts.usernames(List.of(hold.accountId())).get(hold.accountId());
		return this.reservations.sell(bookingId, event, hold.accountId(), username, positions,
				this.catalog.seatPrices(hold.eventId(), positions.keySet()), now);
	}

	/**
	 * Gives the seats of a live hold back ({@code AVAILABLE} again): the buyer's own hold, or any hold for an admin
	 * ({@code FORBIDDEN} otherwise). {@code CONFLICT} when the hold has already ended, {@code NOT_FOUND} for an unknown
	 * one.
	 */
	@Transactional
	public HoldDetails release(User user, String holdId) {
		var hold = find(holdId);
		if (!hold.accountId().equals(user.id()) && !user.isAdmin()) {
			throw new Forbidden("This hold belongs to another user");
		}
		var released = end(hold, HoldStatus.RELEASED);
		if (released == null) {
			throw ended(find(holdId), "released");
		}
		return released;
	}

	/**
	 * The expiry job's work: ends the hold as {@code EXPIRED} and frees the seats it still holds, if it is still
	 * active; otherwise (confirmed, released or expired already) changes nothing. Returns whether it expired the hold.
	 */
	@Transactional
	public boolean expire(String holdId) {
		var found = this.jdbc.query("select id, event_id, account_id, status, expires_at, booking_id from holds where id = ?",
				SeatHolds::hold, holdId);
		return !found.isEmpty() && end(found.get(0), HoldStatus.EXPIRED) != null;
	}

	/** The user's live holds (active, not run out), soonest to expire first, each with its seats in seat-map order. */
	@Transactional(readOnly = true)
	public List<HoldDetails> holdsOf(User user) {
		var now = this.clock.instant().toEpochMilli();
		var seats = new HashMap<String, List<String>>();
		this.jdbc.query("""
				select s.hold_id, s.label from holds h join event_seats s on s.hold_id = h.id
				where h.account_id = ? and h.status = 'ACTIVE' and h.expires_at > ? order by s.position""",
				(RowCallbackHandler) (row) -> seats.computeIfAbsent(row.getString(1), (id) -> new ArrayList<>())
					.add(row.getString(2)),
				user.id(), now);
		return this.jdbc.query("""
				select id, event_id, account_id, status, expires_at, booking_id from holds
				where account_id = ? and status = 'ACTIVE' and expires_at > ? order by expires_at, id""",
				SeatHolds::hold, user.id(), now)
			.stream()
			.map((hold) -> priced(hold, seats.getOrDefault(hold.holdId(), List.of())))
			.toList();
	}

	/**
	 * The hold, as it stands: the seats it holds, or, once confirmed, the seats of the booking it made (a hold that
	 * was released or expired holds none). {@code NOT_FOUND} for an unknown id.
	 */
	@Transactional(readOnly = true)
	public HoldDetails details(String holdId) {
		var hold = find(holdId);
		var seats = (hold.bookingId() != null)
				? this.jdbc.queryForList("select label from booking_seats where booking_id = ? order by position",
						String.class, hold.bookingId())
				: this.jdbc.queryForList("select label from event_seats where hold_id = ? order by position",
						String.class, holdId);
		return priced(hold, seats);
	}

	// one conditional statement ends an active hold; then its seats still HELD for it become AVAILABLE (null when the
	// hold was no longer active: nothing changed)
	private HoldDetails end(HoldDetails hold, HoldStatus status) {
		var now = this.clock.instant();
		if (this.jdbc.update("update holds set status = ?, ended_at = ? where id = ? and status = 'ACTIVE'",
				status.name(), now.toEpochMilli(), hold.holdId()) != 1) {
			return null;
		}
		var seats = this.inventory.releaseHeld(hold.eventId(), hold.holdId());
		this.publisher.publishEvent(new HoldChanged(hold.eventId(), status));
		var prices = this.catalog.seatPrices(hold.eventId(), seats);
		return new HoldDetails(hold.holdId(), hold.eventId(), hold.accountId(), seats, status, hold.expiresAt(), null,
				prices.total(), prices.currency());
	}

	// the hold with its seats and what they cost now
	private HoldDetails priced(HoldDetails hold, List<String> seats) {
		var prices = this.catalog.seatPrices(hold.eventId(), seats);
		return hold.withSeats(seats, prices.total(), prices.currency());
	}

	private Conflict ended(HoldDetails hold, String wanted) {
		var expired = hold.status() == HoldStatus.EXPIRED
				|| (hold.status() == HoldStatus.ACTIVE && !hold.expiresAt().isAfter(this.clock.instant()));
		return new Conflict(switch (hold.status()) {
			case CONFIRMED -> "The hold is already confirmed; it cannot be " + wanted;
			case RELEASED -> "The hold was released; it cannot be " + wanted;
			default -> expired ? "The hold expired; it cannot be " + wanted : "The hold cannot be " + wanted;
		});
	}

	private HoldDetails find(String holdId) {
		var found = (holdId == null) ? List.<HoldDetails>of() : this.jdbc.query(
				"select id, event_id, account_id, status, expires_at, booking_id from holds where id = ?",
				SeatHolds::hold, holdId);
		if (found.isEmpty()) {
			throw new NotFound("No hold has the id " + holdId);
		}
		return found.get(0);
	}

	private static HoldDetails hold(ResultSet row, int index) throws SQLException {
		return new HoldDetails(row.getString(1), row.getString(2), row.getString(3), List.of(),
				HoldStatus.valueOf(row.getString(4)), Instant.ofEpochMilli(row.getLong(5)), row.getString(6), 0, null);
	}
}
