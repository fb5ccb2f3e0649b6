package io.seatline.engine.booking;

/**
 * Published inside the cancelling transaction once the seats are released: the booking, who cancelled it (its owner,
 * or an admin of the box office), and whether the box office cancelled it for its owner ({@code cancelBookingFor}).
 */
public record BookingCancelled(BookingDetails booking, String cancelledBy, boolean forOwner) {
}
