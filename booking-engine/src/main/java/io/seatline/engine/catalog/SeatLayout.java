package io.seatline.engine.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives seat labels, as the contract says: rows lettered {@code A}..{@code Z}, then {@code AA}, {@code AB}, ...;
 * a seat is its row and its number ({@code A1}, {@code A2}, ...). A venue with a capacity alone has seats
 * {@code 1}..{@code N}.
 */
public final class SeatLayout {

	private SeatLayout() {
	}

	/** The letters of the row at a zero-based index: 0 is {@code A}, 25 is {@code Z}, 26 is {@code AA}. */
	public static String rowLetters(int index) {
		if (index < 0) {
			throw new IllegalArgumentException("A row index is zero or more");
		}
		var letters = new StringBuilder();
		// bijective base 26: there is no zero digit, so AA follows Z
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.append((char) ('A' + (n - 1) % 26));
		}
		return letters.reverse().toString();
	}

	/** All labels of a venue of {@code rows} rows of {@code seatsPerRow} seats, row by row. */
	public static List<String> labels(int rows, int seatsPerRow) {
		var labels = new ArrayList<String>(rows * seatsPerRow);
		for (int row = 0; row < rows; row++) {
			var letters = rowLetters(row);
			for (int seat = 1; seat <= seatsPerRow; seat++) {
				labels.add(letters + seat);
			}
		}
		return labels;
	}

	/** The labels {@code 1}..{@code capacity} of a venue without rows. */
	public static List<String> labels(int capacity) {
		var labels = new ArrayList<String>(capacity);
		for (int seat = 1; seat <= capacity; seat++) {
			labels.add(Integer.toString(seat));
		}
		return labels;
	}
}
