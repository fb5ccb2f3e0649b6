package io.seatline.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import io.seatline.shell.CommandCompletion.Lookup;
import io.seatline.shell.CommandCompletion.Typed;

/**
 * The candidates Tab offers, each list read with one call of a reading function, as any client would read it: event
 * ids with the event's name, seat labels of an event's seat map, venue ids, the caller's bookings, usernames (for an
 * admin: the function refuses anyone else, and then nothing is offered). Nothing is asked for without a session where
 * the function needs one.
 */
@Component
class Suggestions {

	private final Functions functions;

	private final Session session;

	Suggestions(Functions functions, Session session) {
		this.functions = functions;
		this.session = session;
	}

	/** The ids of the events not yet started; with {@code scheduledOnly}, not those cancelled. */
	Lookup events(boolean scheduledOnly) {
		return (typed) -> {
			var proposals = new ArrayList<CompletionProposal>();
			for (var event : this.functions.call("browseEvents")) {
				var id = Texts.string(event.path("eventId"));
				var cancelled = "CANCELLED".equals(Texts.string(event.path("status")));
				if (startsWith(id, typed.word()) && !(scheduledOnly && cancelled)) {
					proposals.add(typed.proposal(id, Texts.string(event.path("name")) + ", "
							+ Texts.instant(event.path("startsAt")) + (cancelled ? ", CANCELLED" : "")));
				}
			}
			return proposals;
		};
	}

	/**
	 * The labels of the seats in {@code status} of the event named by the first argument (none before it is typed),
	 * for the last item of a comma list; seats already named on the line are left out.
	 */
	Lookup seats(String status) {
		return (line) -> {
			if (line.arguments().isEmpty()) {
				return List.of();
			}
			var typed = line.lastOfList();
			var named = new HashSet<>(Texts.seatLabels(line.arguments().subList(1, line.arguments().size())));
			named.addAll(Texts.seatLabels(List.of(typed.prefix())));
			var proposals = new ArrayList<CompletionProposal>();
			var map = this.functions.call("eventSeats", "eventId", this.functions.eventId(line.arguments().get(0)));
			for (var seat : map.path("seats")) {
				var label = Texts.string(seat.path("seat"));
				if (status.equals(Texts.string(seat.path("status"))) && startsWith(label, typed.word())
						&& !named.contains(label)) {
					// "a" completes to "a1": the engine reads labels in any case, and Tab matches what was typed
					var value = typed.word() + label.substring(typed.word().length());
					proposals.add(typed.proposal(value, null).displayText(label));
				}
			}
			return proposals;
		};
	}

	/** The ids of the venues, with their names. */
	Lookup venues() {
		return (typed) -> {
			var proposals = new ArrayList<CompletionProposal>();
			for (var venue : this.functions.call("listVenues")) {
				var id = Texts.string(venue.path("venueId"));
				if (startsWith(id, typed.word())) {
					proposals.add(typed.proposal(id, Texts.string(venue.path("name")) + ", "
							+ venue.path("capacity").asInt() + " seats"));
				}
			}
			return proposals;
		};
	}

	/** The ids of the caller's confirmed bookings, with the event and the seats. */
	Lookup myBookings() {
		return (typed) -> {
			if (this.session.token() == null) {
				return List.of();
			}
			var proposals = new ArrayList<CompletionProposal>();
			for (var booking : this.functions.call("myBookings")) {
				var id = Texts.string(booking.path("bookingId"));
				if ("CONFIRMED".equals(Texts.string(booking.path("status"))) && startsWith(id, typed.word())) {
					proposals.add(typed.proposal(id, Texts.string(booking.path("eventName")) + ", "
							+ Texts.words(booking.path("seats"))));
				}
			}
			return proposals;
		};
	}

	/**
	 * The references of the newest confirmed bookings (the dashboard's recent ones), with the buyer, the event and
	 * the seats: an admin's listing, nothing for anyone else.
	 */
	Lookup recentBookings() {
		return (typed) -> {
			if (this.session.token() == null) {
				return List.of();
			}
			var proposals = new ArrayList<CompletionProposal>();
			for (var booking : this.functions.call("dashboard").path("recentBookings")) {
				var reference = Texts.string(booking.path("reference"));
				if ("CONFIRMED".equals(Texts.string(booking.path("status"))) && startsWith(reference, typed.word())) {
					proposals.add(typed.proposal(reference, Texts.string(booking.path("username")) + ", "
							+ Texts.string(booking.path("eventName")) + ", " + Texts.words(booking.path("seats"))));
				}
			}
			return proposals;
		};
	}

	/**
	 * The usernames an admin may name (the listing is the admin's); with {@code disabled} not null, only the accounts
	 * that are (or are not) disabled, and never the caller's own to disable.
	 */
	Lookup usernames(Boolean disabled) {
		return (typed) -> {
			if (this.session.token() == null) {
				return List.of();
			}
			var proposals = new ArrayList<CompletionProposal>();
			JsonNode accounts = this.functions.call("listAccounts", "query", typed.word().isEmpty() ? null : typed.word(),
					"limit", CommandCompletion.MOST);
			for (var account : accounts) {
				var username = Texts.string(account.path("username"));
				if (startsWith(username, typed.word())
						&& (disabled == null || disabled == account.path("disabled").asBoolean())
						&& !(Boolean.FALSE.equals(disabled) && username.equals(this.session.username()))) {
					proposals.add(typed.proposal(username, Texts.string(account.path("role"))
							+ (account.path("disabled").asBoolean() ? ", disabled" : "")));
				}
			}
			return proposals;
		};
	}

	// ids are lower case and seat labels upper case; either may be typed in any case
	private static boolean startsWith(String value, String typed) {
		return value.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT));
	}
}
