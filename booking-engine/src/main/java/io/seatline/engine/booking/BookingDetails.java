package io.seatline.engine.booking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.seatline.engine.catalog.EventDetails;

/**
 * A booking as its owner, an email or a report sees it. {@code reference} is what the customer reads out;
 * {@code cancelReason} is set when the box office cancelled it for the customer. {@code amount} is what it cost when
 * it was made, in minor units of {@code currency} (an ISO 4217 code), {@code seatPrices} what each seat cost, in the
 * order of {@code seats} (empty where not read).
 */
public record BookingDetails(String bookingId, String reference, EventDetails event, String accountId,
		String username, List<String> seats, BookingStatus status, Instant createdAt, Instant cancelledAt,
		String cancelReason, long amount, String currency, List<Long> seatPrices) {

	/** A booking whose price was not read. */
	public BookingDetails(String bookingId, String reference, EventDetails event, String accountId, String username,
			List<String> seats, BookingStatus status, Instant createdAt, Instant cancelledAt, String cancelReason) {
		this(bookingId, reference, event, accountId, username, seats, status, createdAt, cancelledAt, cancelReason, 0,
				null, List.of());
	}

	public BookingDetails {
		seatPrices = (seatPrices == null) ? List.of() : List.copyOf(seatPrices);
	}

	/** The same booking with these seats and what each cost, in seat-map order. */
	BookingDetails withSeats(List<String> seats, List<Long> seatPrices) {
		return new BookingDetails(this.bookingId, this.reference, this.event, this.accountId, this.username,
				List.copyOf(seats), this.status, this.createdAt, this.cancelledAt, this.cancelReason, this.amount,
				this.currency, seatPrices);
	}

	/** What each seat cost, by label in seat-map order; empty where the seats' prices were not read. */
	public Map<String, Long> pricePerSeat() {
		var prices = new LinkedHashMap<String, Long>();
		if (this.seatPrices.size() == this.seats.size()) {
			for (int i = 0; i < this.seats.size(); i++) {
				prices.put(this.seats.get(i), this.seatPrices.get(i));
			}
		}
		return prices;
	}

	static BookingDetails of(Booking booking, EventDetails event, String username) {
		return new BookingDetails(booking.id(), booking.reference(), event, booking.accountId(), username,
				booking.seatLabels(), booking.status(), booking.createdAt(), booking.cancelledAt(),
				booking.cancelReason(), booking.amount(), booking.currency(), booking.seatPrices());
	}
}
