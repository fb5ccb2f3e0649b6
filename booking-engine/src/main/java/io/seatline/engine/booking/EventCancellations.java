package io.seatline.engine.booking;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.persistence.DatabaseUrl;

/**
 * Calls events off (the box office): in one transaction the event is marked cancelled, every confirmed booking of it
 * is cancelled and its seats released through {@link SeatInventory}, and {@link EventCancelled} asks for one email
 * per booking.
 */
@Service
public class EventCancellations {

	/** The longest reason kept; it goes into every booker's email. */
	public static final int MAX_REASON = 1000;

	private final EventCatalog catalog;

	private final SeatInventory inventory;

	private final ApplicationEventPublisher publisher;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	// SQLite runs one writer at a time; on PostgreSQL the bookings' rows are locked as a cancelBooking locks its one
	private final boolean oneWriterAtATime;

	EventCancellations(EventCatalog catalog, SeatInventory inventory, ApplicationEventPublisher publisher,
			JdbcTemplate jdbc, Clock clock, DatabaseUrl database) {
		this.catalog = catalog;
		this.inventory = inventory;
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.clock = clock;
		this.oneWriterAtATime = database.isSqlite();
	}

	/**
	 * Cancels the event and each of its confirmed bookings, and releases its live holds, as an admin
	 * ({@code FORBIDDEN} otherwise). {@code NOT_FOUND} for an unknown event, {@code CONFLICT} for one cancelled
	 * already. The event stays listed, marked cancelled.
	 */
	@Transactional
	public EventCancellation cancel(User user, String eventId, String reason) {
		user.requireAdmin();
		var why = reason(reason);
		// the event's row first: a booking of it that waits for this transaction finds it cancelled
		var event = this.catalog.markCancelled(eventId, why);
		var now = this.clock.instant().toEpochMilli();
		// a few statements whatever the number of bookings: one booking at a time took seconds for thousands
		var cancelled = this.jdbc.queryForList("select id from bookings where event_id = ? and status = 'CONFIRMED' "
				+ "order by created_at, id" + (this.oneWriterAtATime ? "" : " for update"), String.class,
				event.eventId());
		var held = this.jdbc.queryForObject("""
				select count(*) from booking_seats s join bookings b on b.id = s.booking_id
				where b.event_id = ? and b.status = 'CONFIRMED' and s.released_at is null""", Integer.class,
				event.eventId());
		var released = this.inventory.release(event.eventId(), cancelled);
		if (released != held) {
			throw new IllegalStateException("The bookings of event " + event.eventId() + " held " + held
					+ " seats but " + released + " were released");
		}
		// the ledger first: it finds the bookings by their status, which the next statement changes
		this.jdbc.update("""
				update booking_seats set released_at = ?
				where released_at is null and booking_id in (
				    select id from bookings where event_id = ? and status = 'CONFIRMED')""", now, event.eventId());
		var updated = this.jdbc.update("""
				update bookings set status = 'CANCELLED', cancelled_at = ?, cancel_reason = ?, version = version + 1
				where event_id = ? and status = 'CONFIRMED'""", now, why, event.eventId());
		if (updated != cancelled.size()) {
			throw new IllegalStateException("Event " + event.eventId() + " had " + cancelled.size()
					+ " confirmed bookings but " + updated + " were cancelled");
		}
		releaseHolds(event.eventId(), now);
		this.publisher.publishEvent(new EventCancelled(event, cancelled, user.username()));
		return new EventCancellation(event.eventId(), "CANCELLED", cancelled.size());
	}

	// the event's live holds end with it (RELEASED, their seats free): none of them could be confirmed any more, and a
	// payment that still arrives for one is refunded as for any hold that ended
	private void releaseHolds(String eventId, long now) {
		var holds = this.jdbc.queryForList("select id from holds where event_id = ? and status = 'ACTIVE' order by id"
				+ (this.oneWriterAtATime ? "" : " for update"), String.class, eventId);
		for (var holdId : holds) {
			if (this.jdbc.update("update holds set status = 'RELEASED', ended_at = ? where id = ? and status = 'ACTIVE'",
					now, holdId) == 1) {
				this.inventory.releaseHeld(eventId, holdId);
			}
		}
		if (!holds.isEmpty()) {
			this.publisher.publishEvent(new HoldChanged(eventId, HoldStatus.RELEASED));
		}
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			return null;
		}
		if (reason.length() > MAX_REASON || reason.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n')) {
			throw new InvalidRequest("reason", "reason has at most " + MAX_REASON
					+ " characters and no control characters other than line breaks");
		}
		return reason.strip();
	}
}
