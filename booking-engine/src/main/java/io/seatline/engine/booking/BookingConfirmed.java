package io.seatline.engine.booking;

/** Published inside the booking transaction once its seats are claimed. */
public record BookingConfirmed(BookingDetails booking) {
}
