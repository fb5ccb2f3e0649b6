package io.seatline.engine.booking;

import java.util.List;

import io.seatline.engine.catalog.EventDetails;

/**
 * Published inside the transaction that called an event off, once its bookings are cancelled and their seats
 * released: the event (with its reason), the ids of the bookings it cancelled, each to be told once, and the admin who
 * called it off.
 */
public record EventCancelled(EventDetails event, List<String> bookingIds, String cancelledBy) {
}
