package io.seatline.engine.boxoffice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatStatus;

/** Who holds each seat of an event: the admin's seat map. */
@Service
public class SeatHolders {

	private final EventCatalog catalog;

	private final JdbcTemplate jdbc;

	SeatHolders(EventCatalog catalog, JdbcTemplate jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/**
	 * Every seat of the event with its status, and for a sold seat its booking's id and reference and the buyer's
	 * username: one read, a projection of the seats joined to their bookings. {@code FORBIDDEN} unless the user is an
	 * admin, {@code NOT_FOUND} for an unknown event.
	 */
	@Transactional(readOnly = true)
	public AdminSeatMap seatMap(User user, String eventId) {
		user.requireAdmin();
		var event = this.catalog.event(eventId);
		var seats = this.jdbc.query("""
				select s.label, s.status, b.id, b.reference, a.username
				from event_seats s
				left join bookings b on b.id = s.booking_id
				left join accounts a on a.id = b.account_id
				where s.event_id = ?
				order by s.position""",
				(row, index) -> new AdminSeatMap.Seat(row.getString(1), SeatStatus.valueOf(row.getString(2)),
						row.getString(3), row.getString(4), row.getString(5)),
				event.eventId());
		return new AdminSeatMap(event, seats);
	}
}
