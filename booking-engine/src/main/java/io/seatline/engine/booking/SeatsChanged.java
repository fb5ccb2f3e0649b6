package io.seatline.engine.booking;

/**
 * Published after a booking or cancellation of this process has committed: the seats of the event changed, or the
 * event was called off. For
 * hosts that show seats live; they need no knowledge of transactions to use it.
 */
public record SeatsChanged(String eventId) {
}
