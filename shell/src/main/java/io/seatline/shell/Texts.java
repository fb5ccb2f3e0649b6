package io.seatline.shell;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import io.seatline.engine.catalog.Money;

/**
 * How the commands show values: instants in UTC to the minute, an event's start in its venue's zone, lists, and
 * tables with a header row that fit the terminal.
 */
final class Texts {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The width of a table when neither a terminal nor {@code COLUMNS} tells it. */
	static final int DEFAULT_WIDTH = 100;

	// a column is never cut narrower than this (nor than its header)
	private static final int NARROWEST = 5;

	// a column with a cell wider than this that has a space holds text that may be cut
	private static final int PROSE = 20;

	private static final String ELLIPSIS = "\u2026";

	// a time as the commands show it (2031-05-01 20:00 Europe/Berlin): never cut
	private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+");

	// numbers, and figures such as "12 of 36" or "4.5": right-aligned
	private static final Pattern FIGURE = Pattern.compile("-?[0-9][0-9.,]*( of [0-9][0-9.,]*)?");

	// the interactive session's terminal, asked at each table (it may have been resized)
	private static volatile IntSupplier terminalWidth;

	private Texts() {
	}

	/** An instant of the functions' output ({@code 2026-12-24T18:30:00Z}) as {@code 2026-12-24 18:30 UTC}. */
	static String instant(JsonNode value) {
		var text = string(value);
		return text.isEmpty() ? "" : MINUTES.format(Instant.parse(text));
	}

	/**
	 * An event's start as its venue's clocks show it, with the zone: {@code 2031-05-01 20:00 Europe/Berlin} from the
	 * event's {@code localStartsAt} and {@code timeZone} (an event without them: its UTC {@code startsAt}).
	 */
	static String start(JsonNode event) {
		var local = string(event.path("localStartsAt"));
		var zone = string(event.path("timeZone"));
		if (local.isEmpty() || zone.isEmpty()) {
			return instant(event.path("startsAt"));
		}
		return LOCAL_MINUTES.format(OffsetDateTime.parse(local)) + " " + zone;
	}

	/** An amount in minor units with its currency ({@code EUR 90.00}); empty where the currency is missing. */
	static String money(long minorUnits, JsonNode currency) {
		var code = string(currency);
		return code.isEmpty() ? "" : Money.format(minorUnits, code);
	}

	/** A text field, or an empty string where it is missing or null. */
	static String string(JsonNode value) {
		return (value == null || value.isMissingNode() || value.isNull()) ? "" : value.asString();
	}

	/** The items of a JSON array of text, joined with spaces. */
	static String words(JsonNode array) {
		var words = new ArrayList<String>();
		for (var item : array) {
			words.add(item.asString());
		}
		return String.join(" ", words);
	}

	/** Seat labels typed after a command, separated by spaces or commas, in upper case as the seat map has them. */
	static List<String> seatLabels(List<String> words) {
		var seats = new ArrayList<String>();
		for (var word : words) {
			for (var seat : word.split(",")) {
				if (!seat.isBlank()) {
					// seat labels are upper case (A1, AA12); typing a1 means the same seat
					seats.add(seat.strip().toUpperCase(Locale.ROOT));
				}
			}
		}
		return seats;
	}

	/**
	 * Tables are as wide as the interactive session's terminal, asked at each table; without it (one command, a
	 * script, a pipe) as wide as {@code COLUMNS} says, else {@value #DEFAULT_WIDTH} characters.
	 */
	static void useTerminalWidth(IntSupplier width) {
		terminalWidth = width;
	}

	/** The width tables are cut to now. */
	static int width() {
		var terminal = terminalWidth;
		int width = (terminal != null) ? terminal.getAsInt() : 0;
		return (width > 0) ? width : widthOf(System.getenv("COLUMNS"));
	}

	/** The width {@code COLUMNS} gives, or {@value #DEFAULT_WIDTH} when it is unset or no sensible width. */
	static int widthOf(String columns) {
		try {
			int width = Integer.parseInt((columns == null) ? "" : columns.strip());
			return (width >= 20) ? width : DEFAULT_WIDTH;
		}
		catch (NumberFormatException ex) {
			return DEFAULT_WIDTH;
		}
	}

	/** A table with a header row and borders, as wide as {@link #width()} allows. */
	static String table(List<String> header, List<List<String>> rows) {
		return table(header, rows, width());
	}

	/**
	 * A table with a header row and borders, at most {@code width} characters wide: the columns of text (a cell with
	 * a space, and wider than {@value #PROSE} characters: a review, a summary, a long name) give way, the widest
	 * first, down to their header, and a cell longer than its column ends with an ellipsis. Other columns (ids,
	 * references, usernames, times, short names) are never cut: a table of them alone may be wider. A column of numbers
	 * ({@code 12}, {@code 4.5}, {@code 12 of 36}) is right-aligned. A cell's line breaks are shown as spaces.
	 */
	static String table(List<String> header, List<List<String>> rows, int width) {
		int columns = header.size();
		var cells = new ArrayList<List<String>>();
		for (var row : rows) {
			cells.add(row.stream().map((cell) -> (cell == null) ? "" : cell.replaceAll("\\s*\\R\\s*", " ")).toList());
		}
		var widths = new int[columns];
		var least = new int[columns];
		var right = new boolean[columns];
		for (int c = 0; c < columns; c++) {
			widths[c] = header.get(c).length();
			least[c] = Math.max(header.get(c).length(), NARROWEST);
			boolean figures = !cells.isEmpty();
			boolean prose = false;
			for (var row : cells) {
				var cell = row.get(c);
				widths[c] = Math.max(widths[c], cell.length());
				figures &= cell.isEmpty() || FIGURE.matcher(cell).matches();
				prose |= cell.length() > PROSE && cell.contains(" ") && !TIME.matcher(cell).matches();
			}
			right[c] = figures;
			if (!prose) {
				least[c] = widths[c];
			}
		}
		// the borders take one character before each column and one after the last
		int total = columns + 1;
		for (int w : widths) {
			total += w;
		}
		while (total > width) {
			int widest = -1;
			for (int c = 0; c < columns; c++) {
				if (widths[c] > least[c] && (widest < 0 || widths[c] > widths[widest])) {
					widest = c;
				}
			}
			if (widest < 0) {
				break;
			}
			widths[widest]--;
			total--;
		}
		var rule = new StringBuilder("+");
		for (int w : widths) {
			rule.append("-".repeat(w)).append('+');
		}
		var table = new StringBuilder(rule).append('\n');
		line(table, header, widths, new boolean[columns]);
		table.append(rule).append('\n');
		for (var row : cells) {
			line(table, row, widths, right);
		}
		return table.append(rule).toString();
	}

	private static void line(StringBuilder table, List<String> row, int[] widths, boolean[] right) {
		table.append('|');
		for (int c = 0; c < widths.length; c++) {
			var cell = row.get(c);
			if (cell.length() > widths[c]) {
				cell = cell.substring(0, widths[c] - 1) + ELLIPSIS;
			}
			var pad = " ".repeat(widths[c] - cell.length());
			table.append(right[c] ? pad + cell : cell + pad).append('|');
		}
		table.append('\n');
	}
}
