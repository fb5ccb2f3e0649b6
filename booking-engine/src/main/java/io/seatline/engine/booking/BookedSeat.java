package io.seatline.engine.booking;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A seat in a booking's ledger. While {@code releasedAt} is null the seat is sold to this booking, and a partial
 * unique index on (event, label) over such rows forbids a second live sale of the same seat.
 */
@Embeddable
class BookedSeat {

	@Column(name = "event_id")
	private String eventId;

	private String label;

	private int position;

	private Instant releasedAt;

	// what the seat cost when it was sold, in minor units; mapped so that rewriting the ledger keeps it
	private long price;

	protected BookedSeat() {
	}

	BookedSeat(String eventId, String label, int position) {
		this.eventId = eventId;
		this.label = label;
		this.position = position;
	}

	long price() {
		return this.price;
	}

	String label() {
		return this.label;
	}

	int position() {
		return this.position;
	}

	void release(Instant now) {
		this.releasedAt = now;
	}
}
