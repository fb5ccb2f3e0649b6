package io.seatline.engine.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.seatline.engine.account.AccountAdministered;
import io.seatline.engine.booking.BookingCancelled;
import io.seatline.engine.booking.BookingConfirmed;
import io.seatline.engine.booking.EventCancelled;
import io.seatline.engine.boxoffice.SeatsBlocked;
import io.seatline.engine.catalog.CatalogChanged;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.persistence.RowsAtCommit;

/**
 * Writes the audit log's entries. Each listener runs in the publishing thread, inside the transaction of the change
 * (plain {@link EventListener}, not a transactional one): the entry is one more statement of that transaction, so it
 * commits with the change, and a refusal, a rollback or a group commit's rolled-back savepoint takes it away with the
 * change. A booking costs one insert of values it already has: no read.
 */
// not "auditLog": that bean name is the function's, in any app that embeds the functions
@Component
class AuditRecording {

	// bookings per statement when an event is called off: well under the databases' limits of parameters
	private static final int CHUNK = 500;

	private static final String INSERT = """
			insert into audit_entries (at, actor, action, event_id, booking_id, reference, username, summary,
			                           before_state, after_state)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	// the entries of every request of a shared write, written together at its commit: one statement per commit
	private final RowsAtCommit.Destination<Object[]> entries;

	AuditRecording(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.entries = (rows) -> this.jdbc.batchUpdate(INSERT, rows);
	}

	@EventListener
	void bookingConfirmed(BookingConfirmed confirmed) {
		var booking = confirmed.booking();
		write(booking.username(), "reserveSeats", booking.event().eventId(), booking.bookingId(), booking.reference(),
				booking.username(), "Booked " + String.join(" ", booking.seats()) + " of " + booking.event().name(),
				null, Json.object("status", "CONFIRMED", "seats", booking.seats()));
	}

	@EventListener
	void bookingCancelled(BookingCancelled cancelled) {
		var booking = cancelled.booking();
		var summary = "Cancelled " + String.join(" ", booking.seats()) + " of " + booking.event().name();
		if (cancelled.forOwner()) {
			summary += " for " + booking.username() + ": " + booking.cancelReason();
		}
		write(cancelled.cancelledBy(), cancelled.forOwner() ? "cancelBookingFor" : "cancelBooking",
				booking.event().eventId(), booking.bookingId(), booking.reference(), booking.username(), summary,
				Json.object("status", "CONFIRMED", "seats", booking.seats()),
				Json.object("status", "CANCELLED", "reason", booking.cancelReason()));
	}

	/** One entry for the event, and one for each booking it cancelled, written by one statement per chunk. */
	@EventListener
	void eventCancelled(EventCancelled cancelled) {
		var event = cancelled.event();
		var reason = (event.cancelReason() != null) ? ": " + event.cancelReason() : "";
		write(cancelled.cancelledBy(), "cancelEvent", event.eventId(), null, null, null,
				"Called off " + event.name() + ", cancelling " + cancelled.bookingIds().size() + " bookings" + reason,
				Json.object("cancelled", false),
				Json.object("cancelled", true, "reason", event.cancelReason(), "bookingsCancelled",
						cancelled.bookingIds().size()));
		// the bookings' entries follow the event's, and any entry of the write before them
		RowsAtCommit.writeNow(this.entries);
		var at = this.clock.instant().toEpochMilli();
		var before = Json.object("status", "CONFIRMED");
		var after = Json.object("status", "CANCELLED", "reason", event.cancelReason());
		var ids = cancelled.bookingIds();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			var arguments = new ArrayList<Object>(List.of(at, cancelled.cancelledBy(),
					"Cancelled with the event " + event.name() + reason, before, after));
			arguments.addAll(chunk);
			this.jdbc.update("""
					insert into audit_entries (at, actor, action, event_id, booking_id, reference, username, summary,
					                           before_state, after_state)
					select ?, ?, 'cancelEvent', b.event_id, b.id, b.reference, a.username, ?, ?, ?
					from bookings b join accounts a on a.id = b.account_id
					where b.id in (%s)
					order by b.created_at, b.id""".formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))),
					arguments.toArray());
		}
	}

	@EventListener
	void catalogChanged(CatalogChanged changed) {
		if (changed instanceof CatalogChanged.VenueCreated created) {
			var venue = created.venue();
			write(created.admin(), "createVenue", null, null, null, null,
					"Created the venue " + venue.name() + " of " + venue.capacity() + " seats", null,
					Json.object("venueId", venue.venueId(), "name", venue.name(), "capacity", venue.capacity(),
							"timeZone", venue.timeZone()));
		}
		else if (changed instanceof CatalogChanged.EventCreated created) {
			var event = created.event();
			write(created.admin(), "createEvent", event.eventId(), null, null, null,
					"Created " + event.name() + " at " + event.venueName() + ", starting " + event.startsAt(), null,
					Json.object("name", event.name(), "description", event.description(), "venue", event.venueName(),
							"startsAt", event.startsAt(), "totalSeats", event.totalSeats()));
		}
		else if (changed instanceof CatalogChanged.EventEdited edited) {
			var before = edited.before();
			var after = edited.after();
			var was = new LinkedHashMap<String, Object>();
			var is = new LinkedHashMap<String, Object>();
			compare("name", before.name(), after.name(), was, is);
			compare("description", before.description(), after.description(), was, is);
			compare("startsAt", before.startsAt(), after.startsAt(), was, is);
			if (edited.pricesBefore() != null && edited.pricesAfter() != null) {
				compare("currency", edited.pricesBefore().currency(), edited.pricesAfter().currency(), was, is);
				compare("prices", edited.pricesBefore().prices(), edited.pricesAfter().prices(), was, is);
			}
			write(edited.admin(), "updateEvent", after.eventId(), null, null, null, edited(before, is.keySet()),
					Json.object(was), Json.object(is));
		}
		else if (changed instanceof CatalogChanged.VenueCategoriesSet set) {
			var categories = set.categories()
				.stream()
				.map((category) -> Json.fields("name", category.name(), "colour", category.colour(), "rows",
						category.rows(), "seats", category.seats().isEmpty() ? null : category.seats()))
				.toList();
			write(set.admin(), "setVenueCategories", null, null, null, null, "Set the price categories of "
					+ set.venueName() + " for its next events", null,
					Json.object("venueId", set.venueId(), "name", set.venueName(), "categories", categories));
		}
	}

	@EventListener
	void seatsBlocked(SeatsBlocked change) {
		var blocked = change.status() == SeatStatus.BLOCKED;
		var was = blocked ? SeatStatus.AVAILABLE : SeatStatus.BLOCKED;
		write(change.admin(), blocked ? "blockSeats" : "unblockSeats", change.eventId(), null, null, null,
				(blocked ? "Blocked " : "Put back on sale ") + String.join(" ", change.seats()),
				Json.object("seats", change.seats(), "status", was.name()),
				Json.object("seats", change.seats(), "status", change.status().name()));
	}

	@EventListener
	void accountAdministered(AccountAdministered change) {
		var ended = " (" + change.sessionsEnded() + " sessions ended)";
		switch (change.change()) {
			case DISABLED -> write(change.admin(), change.change().action(), null, null, null, change.username(),
					"Disabled the account " + change.username() + ended, Json.object("disabled", false),
					Json.object("disabled", true, "sessionsEnded", change.sessionsEnded()));
			case ENABLED -> write(change.admin(), change.change().action(), null, null, null, change.username(),
					"Enabled the account " + change.username(), Json.object("disabled", true),
					Json.object("disabled", false));
			case PASSWORD_RESET -> write(change.admin(), change.change().action(), null, null, null,
					change.username(), "Set a new password for " + change.username() + ended, null,
					Json.object("sessionsEnded", change.sessionsEnded()));
		}
	}

	private static void compare(String field, Object before, Object after, LinkedHashMap<String, Object> was,
			LinkedHashMap<String, Object> is) {
		if (!Objects.equals(before, after)) {
			was.put(field, before);
			is.put(field, after);
		}
	}

	private static String edited(EventDetails before, Set<String> fields) {
		return fields.isEmpty() ? "Saved " + before.name() + " unchanged"
				: "Edited the " + String.join(", ", fields) + " of " + before.name();
	}

	private void write(String actor, String action, String eventId, String bookingId, String reference,
			String username, String summary, String before, String after) {
		RowsAtCommit.add(this.entries, new Object[] { this.clock.instant().toEpochMilli(), actor, action, eventId,
				bookingId, reference, username, summary, before, after });
	}
}
