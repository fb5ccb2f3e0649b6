package io.seatline.engine.booking;

/** What calling an event off did: how many confirmed bookings it cancelled. */
public record EventCancellation(String eventId, String status, int bookingsCancelled) {
}
