package io.seatline.engine.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.seatline.engine.error.Conflict;

/** Seats of one event bought together by one account. Guards its own transition from confirmed to cancelled. */
@Entity
@Table(name = "bookings")
class Booking {

	@Id
	private String id;

	@Version
	private Long version;

	private String eventId;

	private String accountId;

	@Column(updatable = false)
	private String reference;

	@Enumerated(EnumType.STRING)
	private BookingStatus status;

	private Instant createdAt;

	private Instant cancelledAt;

	private String cancelReason;

	// what it cost when it was made, in minor units of its currency: written once, with the booking
	@Column(updatable = false)
	private long amount;

	@Column(updatable = false)
	private String currency;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "booking_seats", joinColumns = @JoinColumn(name = "booking_id"))
	@OrderBy("position")
	private List<BookedSeat> seats = new ArrayList<>();

	protected Booking() {
	}

	/** A confirmed booking of seats already claimed for it, given with their seat-map positions. */
	static Booking confirmed(String id, String eventId, String accountId, Map<String, Integer> positions,
			Instant now) {
		var booking = new Booking();
		booking.id = id;
		booking.eventId = eventId;
		booking.accountId = accountId;
		booking.status = BookingStatus.CONFIRMED;
		booking.createdAt = now;
		positions.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach((seat) -> booking.seats.add(new BookedSeat(eventId, seat.getKey(), seat.getValue())));
		return booking;
	}

	/**
	 * Cancels a confirmed booking and releases its seats in the ledger; {@code CONFLICT} if already cancelled. The
	 * reason is the box office's when it cancels for the customer, else null.
	 */
	void cancel(Instant now, String reason) {
		if (this.status != BookingStatus.CONFIRMED) {
			throw new Conflict("The booking " + this.id + " is already cancelled");
		}
		this.status = BookingStatus.CANCELLED;
		this.cancelledAt = now;
		this.cancelReason = reason;
		this.seats.forEach((seat) -> seat.release(now));
	}

	String id() {
		return this.id;
	}

	String eventId() {
		return this.eventId;
	}

	String accountId() {
		return this.accountId;
	}

	String reference() {
		return this.reference;
	}

	String cancelReason() {
		return this.cancelReason;
	}

	BookingStatus status() {
		return this.status;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant cancelledAt() {
		return this.cancelledAt;
	}

	long amount() {
		return this.amount;
	}

	String currency() {
		return this.currency;
	}

	List<Long> seatPrices() {
		return this.seats.stream().sorted(Comparator.comparingInt(BookedSeat::position)).map(BookedSeat::price).toList();
	}

	List<String> seatLabels() {
		return this.seats.stream().sorted(Comparator.comparingInt(BookedSeat::position)).map(BookedSeat::label).toList();
	}
}
