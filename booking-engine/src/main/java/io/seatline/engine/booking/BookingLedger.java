package io.seatline.engine.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.AccountDirectory;
import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;

/** Read-only views over all bookings, for reports and the box office: counts per event, the latest, a search. */
@Component
@Transactional(readOnly = true)
public class BookingLedger {

	private final Bookings bookings;

	private final EventCatalog catalog;

	private final AccountDirectory accounts;

	private final JdbcTemplate jdbc;

	BookingLedger(Bookings bookings, EventCatalog catalog, AccountDirectory accounts, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.bookings = bookings;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	/** Confirmed bookings per event id. */
	public Map<String, Long> confirmedByEvent() {
		var counts = new HashMap<String, Long>();
		for (var row : this.bookings.countByEvent(BookingStatus.CONFIRMED)) {
			counts.put((String) row[0], ((Number) row[1]).longValue());
		}
		return counts;
	}

	/**
	 * What the confirmed bookings of each event took, per event id: the sum of their amounts, in minor units of the
	 * event's currency (which cannot change once it has bookings).
	 */
	public Map<String, Revenue> revenueByEvent() {
		var revenue = new HashMap<String, Revenue>();
		this.jdbc.query("""
				select e.id, e.currency, coalesce(sum(b.amount), 0)
				from events e left join bookings b on b.event_id = e.id and b.status = 'CONFIRMED'
				group by e.id, e.currency""",
				(RowCallbackHandler) (row) -> revenue.put(row.getString(1),
						new Revenue(row.getString(2), row.getLong(3))));
		return revenue;
	}

	/** Money taken: an amount in minor units of a currency (an ISO 4217 code). */
	public record Revenue(String currency, long amount) {
	}

	/** The latest bookings, of one event or of all when {@code eventId} is null, newest first. */
	public List<BookingDetails> recent(String eventId, int count) {
		var found = (eventId != null)
				? this.bookings.findByEventIdOrderByCreatedAtDescIdDesc(eventId, Limit.of(count))
				: this.bookings.findByOrderByCreatedAtDescIdDesc(Limit.of(count));
		var events = this.catalog.events(found.stream().map(Booking::eventId).distinct().toList());
		var usernames = this.accounts.usernames(found.stream().map(Booking::accountId).distinct().toList());
		return found.stream()
			.map((booking) -> BookingDetails.of(booking, events.get(booking.eventId()),
					usernames.get(booking.accountId())))
			.toList();
	}

	/**
	 * The bookings that match every criterion given, newest first, at most {@value FindBookings#LIMIT}: for the box
	 * office. {@code FORBIDDEN} unless the user is an admin; {@code NOT_FOUND} for an unknown event; an unknown
	 * username matches nothing. Three reads: the bookings with their buyers, their seats, their events.
	 */
	public List<BookingDetails> find(User user, FindBookings query) {
		user.requireAdmin();
		var where = new ArrayList<String>();
		var arguments = new ArrayList<Object>();
		if (query.eventId() != null) {
			this.catalog.event(query.eventId());
			where.add("b.event_id = ?");
			arguments.add(query.eventId());
		}
		if (query.username() != null) {
			var accountId = this.accounts.idOf(query.username());
			if (accountId.isEmpty()) {
				return List.of();
			}
			where.add("b.account_id = ?");
			arguments.add(accountId.get());
		}
		if (query.reference() != null) {
			where.add("b.reference = ?");
			arguments.add(query.reference());
		}
		// the conditions are fixed texts; only the values come from the caller, as parameters
		var rows = this.jdbc.query("""
				select b.id, b.reference, b.event_id, b.account_id, a.username, b.status, b.created_at,
				       b.cancelled_at, b.cancel_reason, b.amount, b.currency
				from bookings b join accounts a on a.id = b.account_id
				where %s
				order by b.created_at desc, b.id desc
				limit %d""".formatted(String.join(" and ", where), FindBookings.LIMIT),
				(row, index) -> new Found(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(5), BookingStatus.valueOf(row.getString(6)), Instant.ofEpochMilli(row.getLong(7)),
						SeatReservations.instantOrNull(row.getObject(8)), row.getString(9), row.getLong(10),
						row.getString(11)),
				arguments.toArray());
		if (rows.isEmpty()) {
			return List.of();
		}
		var ids = rows.stream().map(Found::id).toList();
		var seats = new HashMap<String, List<String>>();
		this.jdbc.query("select booking_id, label from booking_seats where booking_id in (%s) order by position"
			.formatted(String.join(",", Collections.nCopies(ids.size(), "?"))),
				(RowCallbackHandler) (row) -> seats.computeIfAbsent(row.getString(1), (id) -> new ArrayList<>())
					.add(row.getString(2)),
				ids.toArray());
		var events = this.catalog.events(rows.stream().map(Found::eventId).distinct().toList());
		return rows.stream()
			.map((row) -> new BookingDetails(row.id(), row.reference(), events.get(row.eventId()), row.accountId(),
					row.username(), seats.getOrDefault(row.id(), List.of()), row.status(), row.createdAt(),
					row.cancelledAt(), row.cancelReason(), row.amount(), row.currency(), List.of()))
			.toList();
	}

	/** A booking's row as a search reads it, before its seats and event are added. */
	private record Found(String id, String reference, String eventId, String accountId, String username,
			BookingStatus status, Instant createdAt, Instant cancelledAt, String cancelReason, long amount, String currency) {
	}
}
