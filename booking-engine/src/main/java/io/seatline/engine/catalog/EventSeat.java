package io.seatline.engine.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One seat of one event. Rows are created with the event and only ever change status through the conditional
 * statements of {@link EventSeatRows}; this mapping is read-only in practice.
 */
@Entity
@Table(name = "event_seats")
class EventSeat {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String eventId;

	private String label;

	private int position;

	@Enumerated(EnumType.STRING)
	private SeatStatus status;

	private String bookingId;

	protected EventSeat() {
	}

	String label() {
		return this.label;
	}

	SeatStatus status() {
		return this.status;
	}
}
