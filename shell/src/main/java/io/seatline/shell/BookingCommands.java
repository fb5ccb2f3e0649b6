package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Booking seats, listing and cancelling one's bookings; for signed-in users. */
@Component
class BookingCommands {

	private final Functions functions;

	BookingCommands(Functions functions) {
		this.functions = functions;
	}

	@Command(name = "book", group = "Bookings", description = "Book seats of an event, all or none: book EVENT A1 A2 ...",
			help = "book EVENT SEAT...: books every seat named, or none if any is taken; EVENT is the event's id or exact name (quoted if it has spaces)",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.FREE_SEATS)
	String book(@Arguments List<String> words, @Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var event = words.isEmpty() ? null : words.get(0);
		var seats = Texts.seatLabels(words.subList(Math.min(1, words.size()), words.size()));
		var booking = this.functions.callOnce(key, "reserveSeats", "eventId", this.functions.eventId(event), "seats", seats);
		var amount = booking.path("amount").asLong();
		return "Booked " + String.join(", ", seats) + ": booking " + Texts.string(booking.path("bookingId")) + " is "
				+ Texts.string(booking.path("status"))
				+ ((amount > 0) ? ", total " + Texts.money(amount, booking.path("currency")) : "");
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
