package io.seatline.engine.catalog;

/** An event in the list, with its seats left. */
public record EventSummary(EventDetails event, int availableSeats) {
}
