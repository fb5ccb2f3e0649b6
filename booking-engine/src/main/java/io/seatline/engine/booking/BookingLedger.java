package io.seatline.engine.booking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.AccountDirectory;
import io.seatline.engine.catalog.EventCatalog;

/** Read-only views over all bookings, for reports: counts per event and the latest bookings. */
@Component
@Transactional(readOnly = true)
public class BookingLedger {

	private final Bookings bookings;

	private final EventCatalog catalog;

	private final AccountDirectory accounts;

	BookingLedger(Bookings bookings, EventCatalog catalog, AccountDirectory accounts) {
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
}
