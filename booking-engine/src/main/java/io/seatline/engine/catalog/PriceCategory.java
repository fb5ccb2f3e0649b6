package io.seatline.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.seatline.engine.error.InvalidRequest;

/**
 * A price category of a venue, as an admin gives it: a name, a colour ({@code #rrggbb}) and the seats it covers, as
 * row ranges ({@code "A-C"}, {@code "A-C, F"}, {@code "A-C F"}) or seat labels ({@code A1 A2 B5}) or both. A category naming neither
 * rows nor seats is the venue's default: it takes every seat no other category covers. Checked against the venue's
 * layout when the venue is created ({@link CreateVenue}).
 */
public record PriceCategory(String name, String colour, String rows, List<String> seats) {

	/** The most categories one venue may have. */
	public static final int MAX_CATEGORIES = 32;

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern ROW_RANGE = Pattern.compile("([A-Z]{1,3})(?:-([A-Z]{1,3}))?");

	/** The default category of a venue that declares none (declared after the patterns it is checked with). */
	public static final PriceCategory STANDARD = new PriceCategory("Standard", "#2e8b57", null, List.of());

	public PriceCategory {
		name = Names.required("name", name, 40);
		if (colour == null || !COLOUR.matcher(colour.strip()).matches()) {
			throw new InvalidRequest("colour",
					"The colour of category '" + name + "' must be #rrggbb, such as #d4af37, not '" + colour + "'");
		}
		colour = colour.strip().toLowerCase(Locale.ROOT);
		// "A - C,F" is "A-C, F": ranges apart by commas or spaces
		rows = (rows == null || rows.isBlank()) ? null
				: String.join(", ", rows.strip().toUpperCase(Locale.ROOT).replaceAll("\\s*-\\s*", "-").split("[,\\s]+"));
		seats = (seats == null) ? List.of()
				: seats.stream().map((label) -> (label == null) ? "" : label.strip().toUpperCase(Locale.ROOT)).toList();
	}

	/** A category of rows, given as ranges such as {@code "A-C"} or {@code "A-C, F"}. */
	public static PriceCategory ofRows(String name, String colour, String rows) {
		return new PriceCategory(name, colour, rows, List.of());
	}

	/** A category of seats, given by their labels. */
	public static PriceCategory ofSeats(String name, String colour, List<String> seats) {
		return new PriceCategory(name, colour, null, seats);
	}

	/** The categories as given (null: none); {@code INVALID_REQUEST} for a null among them. */
	static List<PriceCategory> listOf(List<PriceCategory> categories) {
		if (categories == null) {
			return List.of();
		}
		if (categories.stream().anyMatch((category) -> category == null)) {
			throw new InvalidRequest("categories", "A category is an object with a name and a colour");
		}
		return List.copyOf(categories);
	}

	/** True for the venue's default category: it names neither rows nor seats. */
	public boolean isDefault() {
		return this.rows == null && this.seats.isEmpty();
	}

	/**
	 * The zero-based row indexes this category's ranges cover, for a venue of {@code rowCount} rows;
	 * {@code INVALID_REQUEST} for a malformed range, one backwards or one beyond the last row.
	 */
	List<Integer> rowIndexes(int rowCount) {
		var indexes = new ArrayList<Integer>();
		if (this.rows == null) {
			return indexes;
		}
		for (var range : this.rows.split(", ")) {
			var matcher = ROW_RANGE.matcher(range.strip());
			if (!matcher.matches()) {
				throw new InvalidRequest("rows",
						"Rows of category '" + this.name + "' are ranges such as A-C or A-C, F, not '" + range + "'");
			}
			int from = rowIndex(matcher.group(1));
			int to = (matcher.group(2) != null) ? rowIndex(matcher.group(2)) : from;
			if (to < from) {
				throw new InvalidRequest("rows", "The row range " + range + " of category '" + this.name
						+ "' runs backwards");
			}
			if (to >= rowCount) {
				throw new InvalidRequest("rows", "The venue has no row " + SeatLayout.rowLetters(Math.max(from, rowCount))
						+ " (category '" + this.name + "'); its last row is " + SeatLayout.rowLetters(rowCount - 1));
			}
			for (int row = from; row <= to; row++) {
				indexes.add(row);
			}
		}
		return indexes;
	}

	// the inverse of SeatLayout.rowLetters: A is 0, Z 25, AA 26
	private static int rowIndex(String letters) {
		int n = 0;
		for (var letter : letters.toCharArray()) {
			n = n * 26 + (letter - 'A' + 1);
		}
		return n - 1;
	}
}
