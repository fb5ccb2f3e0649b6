package io.seatline.engine.catalog;

import java.time.Instant;

/**
 * Published inside the transaction that moved an event's start time: the event as it is now, the time it had, and
 * the edit's number (the event's version), unique per event.
 */
public record EventMoved(EventDetails event, Instant previousStartsAt, long edit) {
}
