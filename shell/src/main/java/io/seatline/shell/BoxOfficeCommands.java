package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The box office, for admins: blocking and unblocking seats, the seat map with each sold seat's booking, finding
 * bookings and cancelling one for a customer. The functions refuse them to other users ({@code FORBIDDEN}).
 */
@Component
class BoxOfficeCommands {

	// a reference is 8 characters (ids are 13), read out with spaces or dashes at times
	private static final int REFERENCE_LENGTH = 8;

	private final Functions functions;

	BoxOfficeCommands(Functions functions) {
		this.functions = functions;
	}

	@Command(name = "seats block", group = "Box office", description = "Keep seats off sale: seats block EVENT A1 A2 ...",
			help = "seats block EVENT SEAT...: blocks every seat named, or none if any is not free (sold, held or blocked)",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.FREE_SEATS)
	String block(@Arguments List<String> words, @Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		return changeSeats("blockSeats", words, key, "Blocked ");
	}

	@Command(name = "seats unblock", group = "Box office", description = "Put blocked seats back on sale: seats unblock EVENT A1 A2 ...",
			help = "seats unblock EVENT SEAT...: frees every seat named, or none if any is not blocked",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.SEATS_TO_UNBLOCK)
	String unblock(@Arguments List<String> words, @Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		return changeSeats("unblockSeats", words, key, "Unblocked ");
	}

	@Command(name = "seats admin", group = "Box office", description = "The seat map with who holds each sold seat: seats admin EVENT",
			help = "seats admin EVENT: the grid (# blocked), then every sold seat with its booking reference, id and buyer",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.EVENT)
	String adminSeats(@Argument(index = 0, description = "the event's id or exact name") String event) {
		var map = this.functions.call("adminSeatMap", "eventId", this.functions.eventId(event));
		var rows = new ArrayList<List<String>>();
		for (var seat : map.path("seats")) {
			if (seat.has("bookingId")) {
				rows.add(List.of(Texts.string(seat.path("seat")), Texts.string(seat.path("reference")),
						Texts.string(seat.path("bookingId")), Texts.string(seat.path("username"))));
			}
		}
		var sold = rows.isEmpty() ? "No seat is sold"
				: Texts.table(List.of("SEAT", "REFERENCE", "BOOKING", "BUYER"), rows).stripTrailing();
		return SeatGrid.titled(map) + System.lineSeparator() + System.lineSeparator() + sold;
	}

	@Command(name = "bookings find", group = "Box office",
			description = "Find bookings: bookings find [--reference R] [--user U] [--event E]",
			help = "bookings find --reference R | --user U | --event E: the bookings that match all given, newest first (200 at most)",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.BOOKINGS_FIND)
	String find(@Option(longName = "reference", description = "the reference the customer reads out, any case") String reference,
			@Option(longName = "user", description = "the buyer's username") String user,
			@Option(longName = "event", description = "the event's id or exact name") String event) {
		var found = this.functions.call("findBookings", "reference", reference, "username", user, "eventId",
				this.functions.eventId(event));
		if (found.isEmpty()) {
			return "No bookings found";
		}
		var rows = new ArrayList<List<String>>();
		for (var booking : found) {
			rows.add(List.of(Texts.string(booking.path("reference")), Texts.string(booking.path("bookingId")),
					Texts.string(booking.path("eventName")), Texts.string(booking.path("username")),
					Texts.words(booking.path("seats")), Texts.string(booking.path("status")),
					Texts.instant(booking.path("createdAt"))));
		}
		return Texts.table(List.of("REFERENCE", "BOOKING", "EVENT", "BUYER", "SEATS", "STATUS", "BOOKED"), rows);
	}

	@Command(name = "booking cancel-for", group = "Box office",
			description = "Cancel a customer's booking: booking cancel-for REFERENCE_OR_ID --reason \"...\"",
			help = "booking cancel-for REFERENCE_OR_ID --reason TEXT: frees its seats and emails the customer the reason",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.RECENT_BOOKING)
	String cancelFor(@Argument(index = 0, description = "the booking's reference or id") String booking,
			@Option(longName = "reason", description = "why, in words the customer reads (1 to 500 characters)",
					required = true) String reason,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var compact = (booking == null) ? "" : booking.replaceAll("[\\s-]", "");
		var field = (compact.length() == REFERENCE_LENGTH) ? "reference" : "bookingId";
		var cancelled = this.functions.callOnce(key, "cancelBookingFor", field, booking, "reason", reason);
		return "Booking " + Texts.string(cancelled.path("reference")) + " (" + Texts.string(cancelled.path("bookingId"))
				+ ") of " + Texts.string(cancelled.path("username")) + " is " + Texts.string(cancelled.path("status"))
				+ "; its seats are free again and the customer is emailed the reason";
	}

	private String changeSeats(String function, List<String> words, String key, String done) {
		var event = words.isEmpty() ? null : words.get(0);
		var seats = Texts.seatLabels(words.subList(Math.min(1, words.size()), words.size()));
		JsonNode changed = this.functions.callOnce(key, function, "eventId", this.functions.eventId(event), "seats", seats);
		return done + Texts.words(changed.path("seats")) + " of event " + Texts.string(changed.path("eventId"));
	}
}
