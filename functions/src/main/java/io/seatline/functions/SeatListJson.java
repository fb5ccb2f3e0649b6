package io.seatline.functions;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import io.seatline.engine.catalog.SeatList;
import io.seatline.engine.catalog.SeatMap;

/**
 * The seat list of {@code eventSeats}, made as JSON once per block of seats. The engine hands out the same snapshot
 * for an event until one of its seats changes, and a changed snapshot shares with the one before it every block of
 * seats no change touched: so the JSON of the latest snapshot of each event is kept by block, a new snapshot makes the
 * JSON of its changed blocks only (then joins them once, to be written in one piece), and a hot seat map of 20,000
 * seats costs neither 20,000 objects nor 20,000 JSON fields per call, nor per change.
 */
final class SeatListJson extends ValueSerializer<List<Views.Seat>> {

	// events whose latest seat list is kept as JSON; past it, all are made again once
	private static final int KEPT = 16;

	private static final Map<String, WrittenSeats> LATEST = new ConcurrentHashMap<>();

	/**
	 * The view of an event's seats priced by its legend. A snapshot in blocks ({@link SeatList}) has its JSON made
	 * here, from the JSON of the event's previous snapshot for every block the two share; any other list is written
	 * seat by seat when it is written.
	 */
	static List<Views.Seat> viewOf(String eventId, List<SeatMap.Seat> seats, List<SeatMap.Category> categories) {
		if (!(seats instanceof SeatList snapshot)) {
			return seats.stream().map((seat) -> view(seat, categories)).toList();
		}
		var latest = LATEST.get(eventId);
		var sameLegend = latest != null && latest.categories().equals(categories);
		if (sameLegend && latest.seats() == snapshot) {
			return latest;
		}
		var blocks = snapshot.blocks();
		var json = new Utf8Json[blocks.size()];
		var names = new HashMap<String, char[]>();
		for (int index = 0; index < blocks.size(); index++) {
			var block = blocks.get(index);
			json[index] = (sameLegend && latest.sharesBlock(index, block)) ? latest.json()[index]
					: json(block, categories, index == 0, names);
		}
		var view = new WrittenSeats(snapshot, categories, json);
		if (LATEST.size() >= KEPT && !LATEST.containsKey(eventId)) {
			LATEST.clear();
		}
		LATEST.put(eventId, view);
		return view;
	}

	private static Views.Seat view(SeatMap.Seat seat, List<SeatMap.Category> categories) {
		// a map read without its legend has no categories: its seats have none
		var category = (seat.category() < categories.size()) ? categories.get(seat.category()) : null;
		return new Views.Seat(seat.label(), seat.status().name(), (category != null) ? category.name() : null,
				(category != null) ? category.price() : 0);
	}

	// the JSON of a block of seats: opening the list for the first block, after a comma for the others
	private static Utf8Json json(List<SeatMap.Seat> block, List<SeatMap.Category> categories,
			boolean first, Map<String, char[]> names) {
		var text = new StringBuilder(block.size() * 70).append(first ? '[' : ',');
		for (var seat : block) {
			if (text.length() > 1) {
				text.append(',');
			}
			append(text, view(seat, categories), names);
		}
		return new Utf8Json(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void append(StringBuilder text, Views.Seat seat, Map<String, char[]> names) {
		// labels and statuses are letters and digits: nothing to escape
		text.append("{\"seat\":\"").append(seat.seat()).append("\",\"status\":\"").append(seat.status())
			.append("\",\"category\":");
		if (seat.category() != null) {
			// category names are an admin's text: escaped, once per name
			text.append('"')
				.append(names.computeIfAbsent(seat.category(), JsonStringEncoder.getInstance()::quoteAsCharArray))
				.append('"');
		}
		else {
			text.append("null");
		}
		text.append(",\"price\":").append(seat.price()).append('}');
	}

	@Override
	public void serialize(List<Views.Seat> seats, JsonGenerator generator, SerializationContext context) {
		if (seats instanceof WrittenSeats written && written.json().length > 0) {
			// one piece: written as it is to the response, where blocks would each be copied through a buffer
			generator.writeRawValue(written.whole());
			return;
		}
		var text = new StringBuilder(seats.size() * 70 + 2).append('[');
		var names = new HashMap<String, char[]>();
		for (var seat : seats) {
			if (text.length() > 1) {
				text.append(',');
			}
			append(text, seat, names);
		}
		generator.writeRawValue(text.append(']').toString());
	}

	/**
	 * A snapshot's seats, priced by a legend, with their JSON by block and, once first written, whole; each seat's
	 * view is made when asked for.
	 */
	private static final class WrittenSeats extends AbstractList<Views.Seat> implements RandomAccess {

		private final SeatList seats;

		private final List<SeatMap.Category> categories;

		// the JSON of each block of the seats, in order
		private final Utf8Json[] json;

		private volatile Utf8Json whole;

		WrittenSeats(SeatList seats, List<SeatMap.Category> categories, Utf8Json[] json) {
			this.seats = seats;
			this.categories = categories;
			this.json = json;
		}

		SeatList seats() {
			return this.seats;
		}

		List<SeatMap.Category> categories() {
			return this.categories;
		}

		Utf8Json[] json() {
			return this.json;
		}

		/** True when the block at this index of these seats is that very block (so its JSON is the same). */
		boolean sharesBlock(int index, List<SeatMap.Seat> block) {
			var blocks = this.seats.blocks();
			return index < blocks.size() && blocks.get(index) == block;
		}

		/** The list's JSON in one piece, joined from its blocks when first asked for. */
		Utf8Json whole() {
			var joined = this.whole;
			if (joined == null) {
				joined = Utf8Json.join(this.json, (byte) ']');
				this.whole = joined;
			}
			return joined;
		}

		@Override
		public Views.Seat get(int index) {
			return view(this.seats.get(index), this.categories);
		}

		@Override
		public int size() {
			return this.seats.size();
		}
	}
}
