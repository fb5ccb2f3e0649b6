package io.seatline.engine.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.AccountDirectory;
import io.seatline.engine.account.User;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;

/** Takes reviews from users who booked an event, and shows an event's reviews. */
@Service
public class ReviewBoard {

	private final Reviews reviews;

	private final EventCatalog catalog;

	private final SeatReservations reservations;

	private final AccountDirectory accounts;

	private final Clock clock;

	ReviewBoard(Reviews reviews, EventCatalog catalog, SeatReservations reservations, AccountDirectory accounts,
			Clock clock) {
		this.reviews = reviews;
		this.catalog = catalog;
		this.reservations = reservations;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Stores the user's review of an event, replacing an earlier one. {@code FORBIDDEN} without a confirmed booking
	 * for the event (before or after it starts), {@code CONFLICT} for a cancelled event.
	 */
	@Transactional
	public ReviewDetails submit(User user, SubmitReview command) {
		var event = this.catalog.event(command.eventId());
		if (event.isCancelled()) {
			throw new Conflict("The event is cancelled; it can no longer be reviewed");
		}
		if (!this.reservations.hasConfirmedBooking(user.id(), event.eventId())) {
			throw new Forbidden("Only a user with a confirmed booking for this event can review it");
		}
		var now = this.clock.instant();
		var review = this.reviews.findByEventIdAndAccountId(event.eventId(), user.id()).orElse(null);
		if (review == null) {
			review = new Review(event.eventId(), user.id(), command, now);
		}
		else {
			review.revise(command, now);
		}
		try {
			return ReviewDetails.of(this.reviews.saveAndFlush(review), user.username());
		}
		catch (DataIntegrityViolationException ex) {
			throw new Conflict("Another review by you for this event was stored at the same moment; try again");
		}
	}

	/** An event's reviews, newest first, with their average; {@code NOT_FOUND} for an unknown event. */
	@Transactional(readOnly = true)
	public EventReviews reviewsOf(String eventId) {
		var event = this.catalog.event(eventId);
		var found = this.reviews.findByEventIdOrderByCreatedAtDescIdDesc(event.eventId());
		var usernames = this.accounts.usernames(found.stream().map(Review::accountId).distinct().toList());
		var list = found.stream().map((review) -> ReviewDetails.of(review, usernames.get(review.accountId()))).toList();
		Double average = null;
		if (!list.isEmpty()) {
			var sum = list.stream().mapToInt(ReviewDetails::rating).sum();
			average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)
				.doubleValue();
		}
		return new EventReviews(event.eventId(), average, list.size(), list);
	}
}
