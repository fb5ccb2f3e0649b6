package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Booking and holding seats, listing and cancelling one's bookings; for signed-in users. */
@Component
class BookingCommands {

	private final Functions functions;

	BookingCommands(Functions functions) {
		this.functions = functions;
	}

	@Command(name = "book", group = "Bookings", description = "Book seats of an event, all or none: book EVENT A1 A2 ...",
			help = "book EVENT SEAT...: books every seat named, or none if any is taken; EVENT is the event's id or exact name (quoted if it has spaces)",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.FREE_SEATS)
	String book(@Arguments List<String> words,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var booking = seatsOfEvent("reserveSeats", words, key);
		var amount = booking.path("amount").asLong();
		return "Booked " + seats(booking) + ": booking " + Texts.string(booking.path("bookingId")) + " is "
				+ Texts.string(booking.path("status"))
				+ ((amount > 0) ? ", total " + Texts.money(amount, booking.path("currency")) : "");
	}

	// the seats of an answer, in seat-map order: A1, A2
	private static String seats(JsonNode answer) {
		return String.join(", ", Texts.words(answer.path("seats")).split(" "));
	}

	// EVENT SEAT... handed to a function that takes {eventId, seats}
	private JsonNode seatsOfEvent(String function, List<String> words, String key) {
		var event = words.isEmpty() ? null : words.get(0);
		var seats = Texts.seatLabels(words.subList(Math.min(1, words.size()), words.size()));
		return this.functions.callOnce(key, function, "eventId", this.functions.eventId(event), "seats", seats);
	}

	@Command(name = "hold", group = "Bookings",
			description = "Hold seats of an event for you while you pay, all or none: hold EVENT A1 A2 ...",
			help = "hold EVENT SEAT...: keeps every seat named for you until the hold expires (others see them held), or none if any is taken; then hold confirm HOLD books them, hold release HOLD gives them back",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.FREE_SEATS)
	String hold(@Arguments List<String> words,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var hold = seatsOfEvent("holdSeats", words, key);
		return "Held " + seats(hold) + ": hold " + Texts.string(hold.path("holdId")) + " until "
				+ Texts.instant(hold.path("expiresAt"));
	}

	@Command(name = "holds", group = "Bookings", description = "Your live holds, soonest to expire first",
			help = "holds: your holds that still keep their seats, with the time each one expires",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String holds() {
		var holds = this.functions.call("myHolds");
		if (holds.isEmpty()) {
			return "You hold no seats";
		}
		var rows = new ArrayList<List<String>>();
		for (var hold : holds) {
			rows.add(List.of(Texts.string(hold.path("holdId")), Texts.string(hold.path("eventId")),
					Texts.words(hold.path("seats")), Texts.instant(hold.path("expiresAt"))));
		}
		return Texts.table(List.of("HOLD", "EVENT", "SEATS", "EXPIRES"), rows);
	}

	@Command(name = "hold confirm", group = "Bookings", description = "Book the seats of your hold: hold confirm HOLD",
			help = "hold confirm HOLD: turns your live hold into a confirmed booking; refused once the hold expired or was released",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String confirmHold(@Argument(index = 0, description = "the hold's id") String hold) {
		var booking = this.functions.call("confirmHold", "holdId", hold);
		return "Booked " + seats(booking) + ": booking " + Texts.string(booking.path("bookingId"))
				+ " is " + Texts.string(booking.path("status"));
	}

	@Command(name = "hold release", group = "Bookings", description = "Give the seats of a hold back: hold release HOLD",
			help = "hold release HOLD: the seats of your live hold (an admin: of any hold) become free again",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String releaseHold(@Argument(index = 0, description = "the hold's id") String hold) {
		var released = this.functions.call("releaseHold", "holdId", hold);
		return "Hold " + Texts.string(released.path("holdId")) + " is " + Texts.string(released.path("status"))
				+ "; its seats are free again";
	}

	@Command(name = "bookings", group = "Bookings", description = "Your bookings, newest first",
			help = "bookings: your bookings, newest first, confirmed and cancelled",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String bookings() {
		var bookings = this.functions.call("myBookings");
		if (bookings.isEmpty()) {
			return "You have no bookings";
		}
		var rows = new ArrayList<List<String>>();
		for (var booking : bookings) {
			rows.add(List.of(Texts.string(booking.path("bookingId")), Texts.string(booking.path("eventName")),
					Texts.start(booking), Texts.words(booking.path("seats")),
					Texts.string(booking.path("status")), Texts.instant(booking.path("createdAt")),
					Texts.money(booking.path("amount").asLong(), booking.path("currency"))));
		}
		return Texts.table(List.of("BOOKING", "EVENT", "STARTS", "SEATS", "STATUS", "BOOKED", "PRICE"), rows);
	}

	@Command(name = "cancel", group = "Bookings", description = "Cancel one of your bookings: cancel BOOKING",
			help = "cancel BOOKING: the booking's seats become free again",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.MY_BOOKING)
	String cancel(@Argument(index = 0, description = "the booking's id") String booking, @Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var cancelled = this.functions.callOnce(key, "cancelBooking", "bookingId", booking);
		return "Booking " + Texts.string(cancelled.path("bookingId")) + " is " + Texts.string(cancelled.path("status"))
				+ "; its seats are free again";
	}
}
