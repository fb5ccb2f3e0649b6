package io.seatline.engine.catalog;

/** The state of one seat of one event. */
public enum SeatStatus {

	AVAILABLE, HELD, BOOKED, BLOCKED

}
