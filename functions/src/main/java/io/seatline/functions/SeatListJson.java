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

	private static final Map<String, Written> LATEST = new ConcurrentHashMap<>();

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
		if (latest != null && latest.seats().seats() == snapshot && latest.seats().categories().equals(categories)) {
			return latest.seats();
		}
		var blocks = snapshot.blocks();
		var json = new Utf8Json[blocks.size()];
		var names = new HashMap<String, char[]>();
		var same = latest != null && latest.seats().categories().equals(categories);
		for (int index = 0; index < blocks.size(); index++) {
			var block = blocks.get(index);
			json[index] = (same && index < latest.blocks().size() && latest.blocks().get(index) == block)
					? latest.json()[index] : json(block, categories, index == 0, names);
		}
		var view = new WrittenSeats(snapshot, categories, json);
		if (LATEST.size() >= KEPT && !LATEST.containsKey(eventId)) {
			LATEST.clear();
		}
		LATEST.put(eventId, new Written(blocks, json, view));
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
		if (seats instanceof WrittenSeats written && written.blocks().length > 0) {
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

	/** The latest snapshot of an event written: its blocks, their JSON, its view. */
	private record Written(List<List<SeatMap.Seat>> blocks, Utf8Json[] json, WrittenSeats seats) {
	}

	/**
	 * A snapshot's seats, priced by a legend, with their JSON by block and, once first written, whole; each seat's
	 * view is made when asked for.
	 */
	private static final class WrittenSeats extends AbstractList<Views.Seat> implements RandomAccess {

		private final SeatList seats;

		private final List<SeatMap.Category> categories;

		private final Utf8Json[] blocks;

		private volatile Utf8Json whole;

		WrittenSeats(SeatList seats, List<SeatMap.Category> categories, Utf8Json[] blocks) {
			this.seats = seats;
			this.categories = categories;
			this.blocks = blocks;
		}

		SeatList seats() {
			return this.seats;
		}

		List<SeatMap.Category> categories() {
			return this.categories;
		}

		Utf8Json[] blocks() {
			return this.blocks;
		}

		/** The list's JSON in one piece, joined from its blocks when first asked for. */
		Utf8Json whole() {
			var joined = this.whole;
			if (joined == null) {
				joined = Utf8Json.join(this.blocks, (byte) ']');
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
