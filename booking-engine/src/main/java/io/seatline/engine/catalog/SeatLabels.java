package io.seatline.engine.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import io.seatline.engine.error.InvalidRequest;

/** Seat labels as a command names them: matched in any case ({@code a1} is {@code A1}), each once. */
public final class SeatLabels {

	private SeatLabels() {
	}

	/**
	 * The labels in upper case, in the order given; {@code INVALID_REQUEST} for an empty list, more than {@code max}
	 * labels (with {@code tooMany} as the message), a blank or overlong label, or a label given twice.
	 */
	public static List<String> requested(List<String> seats, int max, String tooMany) {
		if (seats == null || seats.isEmpty()) {
			throw new InvalidRequest("seats", "Name at least one seat");
		}
		if (seats.size() > max) {
			throw new InvalidRequest("seats", tooMany);
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
		return List.copyOf(labels);
	}
}
