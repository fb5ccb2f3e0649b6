package io.seatline.engine.booking;

/** Published inside the transaction that held seats or gave held seats back (a release or an expiry). */
public record HoldChanged(String eventId, HoldStatus status) {
}
