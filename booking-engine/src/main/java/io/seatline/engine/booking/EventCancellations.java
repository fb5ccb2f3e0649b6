package io.seatline.engine.booking;

import java.time.Clock;
import java.util.ArrayList;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.error.InvalidRequest;

/**
 * Calls events off (the box office): in one transaction the event is marked cancelled, every confirmed booking of it
 * is cancelled and its seats released through {@link SeatInventory}, and {@link EventCancelled} asks for one email
 * per booking.
 */
@Service
public class EventCancellations {

	/** The longest reason kept; it goes into every booker's email. */
	public static final int MAX_REASON = 1000;

	private final Bookings bookings;

	private final EventCatalog catalog;

	private final SeatInventory inventory;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	EventCancellations(Bookings bookings, EventCatalog catalog, SeatInventory inventory,
			ApplicationEventPublisher publisher, Clock clock) {
		this.bookings = bookings;
		this.catalog = catalog;
		this.inventory = inventory;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Cancels the event and each of its confirmed bookings, as an admin ({@code FORBIDDEN} otherwise). {@code
	 * NOT_FOUND} for an unknown event, {@code CONFLICT} for one cancelled already. The event stays listed, marked
	 * cancelled.
	 */
	@Transactional
	public EventCancellation cancel(User user, String eventId, String reason) {
		user.requireAdmin();
		var why = reason(reason);
		// the event's row first: a booking of it that waits for this transaction finds it cancelled
		var event = this.catalog.markCancelled(eventId, why);
		var now = this.clock.instant();
		var cancelled = new ArrayList<String>();
		for (var booking : this.bookings.lockByEventIdAndStatus(event.eventId(), BookingStatus.CONFIRMED)) {
			booking.cancel(now, why);
			var released = this.inventory.release(event.eventId(), booking.id());
			if (released != booking.seatLabels().size()) {
				throw new IllegalStateException("Booking " + booking.id() + " held " + booking.seatLabels().size()
						+ " seats but " + released + " were released");
			}
			// the release clears the persistence context: the booking is written back as SeatReservations.cancel does
			this.bookings.saveAndFlush(booking);
			cancelled.add(booking.id());
		}
		this.publisher.publishEvent(new EventCancelled(event, cancelled, user.username()));
		return new EventCancellation(event.eventId(), "CANCELLED", cancelled.size());
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
