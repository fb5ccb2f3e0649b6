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
			help = "hold EVENT SEAT...: keeps every seat named for you until the hold expires (others see them held), or none if any is taken; then hold pay HOLD pays for seats that cost money, hold confirm HOLD books free ones, hold release HOLD gives them back",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.FREE_SEATS)
	String hold(@Arguments List<String> words,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var hold = seatsOfEvent("holdSeats", words, key);
		var amount = hold.path("amount").asLong();
		return "Held " + seats(hold) + ": hold " + Texts.string(hold.path("holdId")) + " until "
				+ Texts.instant(hold.path("expiresAt"))
				+ ((amount > 0) ? ", total " + Texts.money(amount, hold.path("currency")) : "");
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

	@Command(name = "hold confirm", group = "Bookings", description = "Book the seats of your free hold: hold confirm HOLD",
			help = "hold confirm HOLD: turns your live hold of free seats into a confirmed booking (seats that cost money: hold pay HOLD); refused once the hold expired or was released",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String confirmHold(@Argument(index = 0, description = "the hold's id") String hold,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		return booked(this.functions.callOnce(key, "confirmHold", "holdId", hold));
	}

	@Command(name = "hold paid", group = "Bookings",
			description = "(admin) Book a hold its buyer paid for at the box office: hold paid HOLD",
			help = "hold paid HOLD: at the box office, once the buyer paid for the seats of their live hold, books them for the buyer; refused once the hold expired or was released",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String paidAtBoxOffice(@Argument(index = 0, description = "the hold's id") String hold,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		return booked(this.functions.callOnce(key, "confirmHold", "holdId", hold, "paidAtBoxOffice", true));
	}

	// a confirmed hold: Booked A1, A2: booking ID (reference REF) is CONFIRMED, total EUR 90.00
	private static String booked(JsonNode booking) {
		var amount = booking.path("amount").asLong();
		return "Booked " + seats(booking) + ": booking " + Texts.string(booking.path("bookingId")) + " (reference "
				+ Texts.string(booking.path("reference")) + ") is " + Texts.string(booking.path("status"))
				+ ((amount > 0) ? ", total " + Texts.money(amount, booking.path("currency")) : "");
	}

	@Command(name = "hold pay", group = "Bookings",
			description = "Pay for the seats of your hold: hold pay HOLD [--method stripe|box-office]",
			help = "hold pay HOLD [--method stripe|box-office] [--return-url URL]: by card on Stripe's page (printed; the hold is booked when Stripe says it is paid), or at the box office, where an admin confirms it; without --method, Stripe where it is set up",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String payHold(@Argument(index = 0, description = "the hold's id") String hold,
			@Option(longName = "method", description = "stripe or box-office") String method,
			@Option(longName = "return-url", description = "where Stripe sends you back after paying") String returnUrl,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var payment = this.functions.callOnce(key, "payHold", "holdId", hold, "method", method, "returnUrl", returnUrl);
		var total = Texts.money(payment.path("amount").asLong(), payment.path("currency"));
		var url = payment.path("payUrl");
		if (!url.isNull() && !url.isMissingNode()) {
			return "Pay " + total + " at " + Texts.string(url) + " ; the hold is booked once the payment arrives"
					+ " (hold status " + hold + ")";
		}
		return "Pay " + total + " at the box office, quoting hold " + hold + "; the seats stay held until then";
	}

	@Command(name = "hold status", group = "Bookings", description = "Where your hold stands: hold status HOLD",
			help = "hold status HOLD: the hold's seats, total, expiry, payments and, once confirmed, its booking's reference",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String holdStatus(@Argument(index = 0, description = "the hold's id") String hold) {
		var status = this.functions.call("holdStatus", "holdId", hold);
		var lines = new StringBuilder("Hold " + Texts.string(status.path("holdId")) + " of "
				+ String.join(", ", Texts.words(status.path("seats")).split(" ")) + ": "
				+ Texts.string(status.path("status")));
		var amount = status.path("amount").asLong();
		if (amount > 0) {
			lines.append(", total ").append(Texts.money(amount, status.path("currency")));
		}
		if ("ACTIVE".equals(Texts.string(status.path("status")))) {
			lines.append(", held until ").append(Texts.instant(status.path("expiresAt")));
		}
		if (!status.path("reference").isNull() && !status.path("reference").isMissingNode()) {
			lines.append(", booking reference ").append(Texts.string(status.path("reference")));
		}
		for (var payment : status.path("payments")) {
			lines.append(System.lineSeparator())
				.append("  ")
				.append(Texts.string(payment.path("method")))
				.append(": ")
				.append(Texts.string(payment.path("status")));
			if (!payment.path("reason").isNull() && !payment.path("reason").isMissingNode()) {
				lines.append(" (").append(Texts.string(payment.path("reason"))).append(")");
			}
		}
		return lines.toString();
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
