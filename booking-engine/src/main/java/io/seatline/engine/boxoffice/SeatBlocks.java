package io.seatline.engine.boxoffice;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.SeatsUnavailable;

/**
 * Keeps seats off sale ({@code BLOCKED}: the sound desk, a broken seat) and puts them back, all or none, through the
 * seat inventory's conditional statements: a seat a buyer takes at the same moment is either sold or blocked, never
 * both. Admins only.
 */
@Service
public class SeatBlocks {

	private final EventCatalog catalog;

	private final SeatInventory inventory;

	private final ApplicationEventPublisher publisher;

	SeatBlocks(EventCatalog catalog, SeatInventory inventory, ApplicationEventPublisher publisher) {
		this.catalog = catalog;
		this.inventory = inventory;
		this.publisher = publisher;
	}

	/**
	 * Blocks every seat named, or none: {@code SEATS_UNAVAILABLE} naming those that are not {@code AVAILABLE}
	 * (sold, held or blocked already), {@code INVALID_REQUEST} for seats the event does not have, {@code CONFLICT} for
	 * a cancelled event.
	 */
	@Transactional
	public SeatsBlocked block(User user, SeatSelection selection) {
		user.requireAdmin();
		var eventId = scheduledEvent(selection.eventId());
		var blocked = this.inventory.block(eventId, selection.seats());
		refuseIfCancelledMeanwhile(eventId);
		if (blocked.size() != selection.seats().size()) {
			// throwing rolls back the seats the statement did block
			throw new SeatsUnavailable(
					this.inventory.shortClaim(eventId, selection.seats(), blocked).refuseUnknown().taken());
		}
		return announced(new SeatsBlocked(eventId, blocked, SeatStatus.BLOCKED, user.username()));
	}

	/**
	 * Makes every seat named {@code AVAILABLE} again, or none: {@code CONFLICT} naming those that are not
	 * {@code BLOCKED} or when the event is cancelled, {@code INVALID_REQUEST} for seats the event does not have.
	 */
	@Transactional
	public SeatsBlocked unblock(User user, SeatSelection selection) {
		user.requireAdmin();
		var eventId = scheduledEvent(selection.eventId());
		var unblocked = this.inventory.unblock(eventId, selection.seats());
		refuseIfCancelledMeanwhile(eventId);
		if (unblocked.size() != selection.seats().size()) {
			List<String> notBlocked = this.inventory.shortClaim(eventId, selection.seats(), unblocked)
				.refuseUnknown()
				.taken();
			throw new Conflict("These seats are not blocked: " + String.join(", ", notBlocked),
					Map.of("seats", notBlocked));
		}
		return announced(new SeatsBlocked(eventId, unblocked, SeatStatus.AVAILABLE, user.username()));
	}

	// a cancelled event sells nothing: its seats were released for good, and blocking them would only mislead
	private String scheduledEvent(String eventId) {
		var event = this.catalog.event(eventId);
		if (event.isCancelled()) {
			throw cancelled();
		}
		return event.eventId();
	}

	// on PostgreSQL the change waited for the event's row: a cancellation may have committed meanwhile, and the seats
	// it freed for good must not be blocked (throwing rolls back what the statement changed)
	private void refuseIfCancelledMeanwhile(String eventId) {
		if (this.inventory.cancelledMeanwhile(eventId)) {
			throw cancelled();
		}
	}

	private static Conflict cancelled() {
		return new Conflict("The event is cancelled; its seats can no longer be blocked or unblocked");
	}

	private SeatsBlocked announced(SeatsBlocked change) {
		this.publisher.publishEvent(change);
		return change;
	}
}
