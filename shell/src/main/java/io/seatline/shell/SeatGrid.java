package io.seatline.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Draws an event's seat map as a grid: lettered rows ({@code A1}, {@code B12}) under their seat numbers; a venue of
 * a capacity alone (seats {@code 1}..{@code N}) in rows of {@value #NUMBERED_ROW_WIDTH}, each row named by the
 * number it adds to its columns. Free and taken seats are told apart by symbol, with a legend.
 */
final class SeatGrid {

	static final int NUMBERED_ROW_WIDTH = 20;

	private static final Pattern LETTERED = Pattern.compile("([A-Z]+)([0-9]+)");

	private static final Pattern NUMBERED = Pattern.compile("[0-9]+");

	private static final Map<String, String> SYMBOLS = Map.of("AVAILABLE", ".", "BOOKED", "X", "HELD", "H",
			"BLOCKED", "#");

	private static final Map<String, String> MEANINGS = Map.of("AVAILABLE", "free", "BOOKED", "booked", "HELD",
			"held", "BLOCKED", "blocked");

	private final List<Seat> seats;

	private SeatGrid(List<Seat> seats) {
		this.seats = seats;
	}

	/** The grid of the {@code seats} array of {@code eventSeats}. */
	static SeatGrid of(JsonNode seats) {
		var list = new ArrayList<Seat>();
		for (var seat : seats) {
			list.add(new Seat(seat.path("seat").asString(), seat.path("status").asString()));
		}
		return new SeatGrid(list);
	}

	/** The seat map of {@code eventSeats} or {@code adminSeatMap}: the event, its venue and start, then the grid. */
	static String titled(JsonNode map) {
		return Texts.string(map.path("name")) + " at " + Texts.string(map.path("venue").path("name")) + ", "
				+ Texts.start(map) + System.lineSeparator() + System.lineSeparator()
				+ of(map.path("seats")).render() + prices(map);
	}

	/**
	 * The price of each category of {@code eventSeats}, with how many of its seats there are and how many are free:
	 * {@code Premium  EUR 45.00  6 seats, 4 free}; nothing for a free event of one category, or a map
	 * without prices (such as {@code adminSeatMap}).
	 */
	static String prices(JsonNode map) {
		var categories = map.path("categories");
		var priced = false;
		for (var category : categories) {
			priced |= category.path("price").asLong() > 0;
		}
		if (!priced && categories.size() < 2) {
			// a free event of one category: nothing to tell
			return "";
		}
		var seats = new LinkedHashMap<String, int[]>();
		for (var seat : map.path("seats")) {
			var counts = seats.computeIfAbsent(seat.path("category").asString(), (name) -> new int[2]);
			counts[0]++;
			if ("AVAILABLE".equals(seat.path("status").asString())) {
				counts[1]++;
			}
		}
		var rows = new ArrayList<List<String>>();
		for (var category : categories) {
			var counts = seats.getOrDefault(category.path("name").asString(), new int[2]);
			var price = category.path("price").asLong();
			rows.add(List.of(Texts.string(category.path("name")),
					(price > 0) ? Texts.money(price, map.path("currency")) : "free",
					counts[0] + " seats, " + counts[1] + " free"));
		}
		return System.lineSeparator() + System.lineSeparator()
				+ Texts.table(List.of("CATEGORY", "PRICE", "SEATS"), rows);
	}

	String render() {
		if (this.seats.isEmpty()) {
			return "This event has no seats";
		}
		var grid = new StringBuilder();
		if (this.seats.stream().allMatch((seat) -> LETTERED.matcher(seat.label()).matches())) {
			drawLettered(grid);
		}
		else if (this.seats.stream().allMatch((seat) -> NUMBERED.matcher(seat.label()).matches())) {
			drawNumbered(grid);
		}
		else {
			drawList(grid);
		}
		return grid.append(System.lineSeparator()).append(legend()).toString();
	}

	private void drawLettered(StringBuilder grid) {
		// rows in seat-map order, each seat at its number
		var rows = new LinkedHashMap<String, Map<Integer, String>>();
		int columns = 0;
		for (var seat : this.seats) {
			var matcher = LETTERED.matcher(seat.label());
			matcher.matches();
			int number = Integer.parseInt(matcher.group(2));
			rows.computeIfAbsent(matcher.group(1), (row) -> new LinkedHashMap<>()).put(number, symbol(seat));
			columns = Math.max(columns, number);
		}
		int labelWidth = rows.keySet().stream().mapToInt(String::length).max().orElse(1);
		draw(grid, rows, columns, -labelWidth);
	}

	private void drawNumbered(StringBuilder grid) {
		var rows = new LinkedHashMap<String, Map<Integer, String>>();
		int max = 0;
		for (var seat : this.seats) {
			int number = Integer.parseInt(seat.label());
			int row = ((number - 1) / NUMBERED_ROW_WIDTH) * NUMBERED_ROW_WIDTH;
			rows.computeIfAbsent(Integer.toString(row), (key) -> new LinkedHashMap<>())
				.put(number - row, symbol(seat));
			max = Math.max(max, number);
		}
		int columns = Math.min(max, NUMBERED_ROW_WIDTH);
		int labelWidth = rows.keySet().stream().mapToInt(String::length).max().orElse(1);
		draw(grid, rows, columns, labelWidth);
		grid.append(System.lineSeparator()).append("Seat number = row + column").append(System.lineSeparator());
	}

	/** Draws the rows under a header of seat numbers; a negative label width aligns the row labels left. */
	private static void draw(StringBuilder grid, Map<String, Map<Integer, String>> rows, int columns,
			int labelWidth) {
		int cell = Integer.toString(columns).length() + 1;
		grid.append(" ".repeat(Math.abs(labelWidth) + 1));
		for (int column = 1; column <= columns; column++) {
			grid.append(pad(Integer.toString(column), cell));
		}
		grid.append(System.lineSeparator());
		rows.forEach((label, row) -> {
			grid.append((labelWidth < 0) ? label + " ".repeat(-labelWidth - label.length()) : pad(label, labelWidth))
				.append(' ');
			for (int column = 1; column <= columns; column++) {
				grid.append(pad(row.getOrDefault(column, " "), cell));
			}
			// a short last row leaves no trailing blanks
			grid.setLength(grid.toString().stripTrailing().length());
			grid.append(System.lineSeparator());
		});
	}

	private void drawList(StringBuilder grid) {
		for (var seat : this.seats) {
			grid.append(seat.label()).append(' ').append(symbol(seat)).append(System.lineSeparator());
		}
	}

	private String legend() {
		var legend = new StringBuilder("Legend:");
		for (var status : List.of("AVAILABLE", "BOOKED", "HELD", "BLOCKED")) {
			var shown = status.equals("AVAILABLE") || status.equals("BOOKED")
					|| this.seats.stream().anyMatch((seat) -> seat.status().equals(status));
			if (shown) {
				legend.append("  ").append(SYMBOLS.get(status)).append(' ').append(MEANINGS.get(status));
			}
		}
		long free = this.seats.stream().filter((seat) -> seat.status().equals("AVAILABLE")).count();
		return legend.append(System.lineSeparator())
			.append(free)
			.append(" of ")
			.append(this.seats.size())
			.append(" seats free")
			.toString();
	}

	private static String symbol(Seat seat) {
		return SYMBOLS.getOrDefault(seat.status(), "?");
	}

	private static String pad(String text, int width) {
		return " ".repeat(Math.max(0, width - text.length())) + text;
	}

	record Seat(String label, String status) {
	}
}
