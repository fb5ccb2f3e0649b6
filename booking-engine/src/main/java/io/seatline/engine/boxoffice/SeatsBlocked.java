package io.seatline.engine.boxoffice;

import java.util.List;

import io.seatline.engine.catalog.SeatStatus;

/**
 * Seats of an event that the box office blocked ({@code BLOCKED}) or unblocked ({@code AVAILABLE}), in seat-map
 * order, and the admin who did. Published inside the transaction that changed them, and the answer of
 * {@code blockSeats}/{@code unblockSeats}.
 */
public record SeatsBlocked(String eventId, List<String> seats, SeatStatus status, String admin) {
}
