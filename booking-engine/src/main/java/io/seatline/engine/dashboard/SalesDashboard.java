package io.seatline.engine.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.booking.BookingLedger;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.notification.EmailOutbox;

/** Computes the admin dashboard, for all events or one. */
@Service
public class SalesDashboard {

	static final int RECENT_BOOKINGS = 10;

	private final EventCatalog catalog;

	private final SeatInventory inventory;

	private final BookingLedger ledger;

	private final EmailOutbox emails;

	SalesDashboard(EventCatalog catalog, SeatInventory inventory, BookingLedger ledger, EmailOutbox emails) {
		this.catalog = catalog;
		this.inventory = inventory;
		this.ledger = ledger;
		this.emails = emails;
	}

	/** The figures for every event, or for one when {@code eventId} is given ({@code NOT_FOUND} if unknown). */
	@Transactional(readOnly = true)
	public DashboardFigures figures(User user, String eventId) {
		user.requireAdmin();
		var events = (eventId != null) ? List.of(this.catalog.event(eventId)) : this.catalog.allEvents();
		var seatCounts = this.inventory.countByStatus((eventId != null) ? List.of(eventId) : null);
		var bookingCounts = this.ledger.confirmedByEvent();
		var revenue = this.ledger.revenueByEvent();
		var lines = new ArrayList<DashboardFigures.EventFigures>();
		int total = 0;
		int booked = 0;
		int available = 0;
		int blocked = 0;
		long bookings = 0;
		for (var event : events) {
			var counts = seatCounts.getOrDefault(event.eventId(), Map.of());
			var eventBooked = counts.getOrDefault(SeatStatus.BOOKED, 0);
			var eventAvailable = counts.getOrDefault(SeatStatus.AVAILABLE, 0);
			var eventBlocked = counts.getOrDefault(SeatStatus.BLOCKED, 0);
			var eventBookings = bookingCounts.getOrDefault(event.eventId(), 0L);
			var taken = revenue.get(event.eventId());
			lines.add(new DashboardFigures.EventFigures(event.eventId(), event.name(), event.venueName(),
					event.startsAt(), event.totalSeats(), eventBooked, eventAvailable, eventBookings, eventBlocked,
					event.isCancelled(), event.timeZone(), (taken != null) ? taken.amount() : 0,
					(taken != null) ? taken.currency() : null));
			total += event.totalSeats();
			booked += eventBooked;
			available += eventAvailable;
			blocked += eventBlocked;
			bookings += eventBookings;
		}
		return new DashboardFigures(total, booked, available, bookings, lines,
				this.ledger.recent(eventId, RECENT_BOOKINGS), this.emails.counts(), blocked);
	}
}
