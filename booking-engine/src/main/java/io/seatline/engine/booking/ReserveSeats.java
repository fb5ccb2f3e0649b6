package io.seatline.engine.booking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import io.seatline.engine.error.InvalidRequest;

/**
 * The command to book seats of one event, all or none. Labels are matched in any case ({@code a1} is {@code A1}); an
 * empty list, a blank label or a label given twice is refused.
 */
public record ReserveSeats(String eventId, List<String> seats) {

	/** The most seats one booking may hold. */
	public static final int MAX_SEATS = 500;

	public ReserveSeats {
		if (eventId == null || eventId.isBlank()) {
			throw new InvalidRequest("eventId", "eventId is required");
		}
		if (seats == null || seats.isEmpty()) {
			throw new InvalidRequest("seats", "Name at least one seat");
		}
		if (seats.size() > MAX_SEATS) {
			throw new InvalidRequest("seats", "One booking holds at most " + MAX_SEATS + " seats");
		}
		var labels = new ArrayList<String>(seats.size());
		var seen = new HashSet<String>();
		for (int i = 0; i < seats.size(); i++) {
			var label = seats.get(i);
			if (label == null || label.isBlank() || label.strip().length() > 16) {
				throw new InvalidRequest("seats[" + i + "]", "A seat label is 1 to 16 characters, such as A1");
			}
			label = label.strip().toUpperCase(Locale.ROOT);
			if (!seen.add(label)) {
				throw new InvalidRequest("seats", "The seat " + label + " is given twice");
			}
			labels.add(label);
		}
		seats = List.copyOf(labels);
	}
}
