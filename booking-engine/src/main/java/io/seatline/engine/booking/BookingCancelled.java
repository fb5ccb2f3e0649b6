package io.seatline.engine.booking;

/** Published inside the cancelling transaction once the seats are released. */
public record BookingCancelled(BookingDetails booking) {
}
