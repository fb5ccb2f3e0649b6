package io.seatline.engine.booking;

/** A booking holds its seats while {@code CONFIRMED}; a {@code CANCELLED} one has released them. */
public enum BookingStatus {

	CONFIRMED, CANCELLED

}
