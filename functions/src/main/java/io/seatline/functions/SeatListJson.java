package io.seatline.functions;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import io.seatline.engine.catalog.SeatMap;

/**
 * The seat list of {@code eventSeats}, made once per seat-map snapshot and written as JSON once per snapshot: the
 * engine hands out the same snapshot for an event until one of its seats changes, so a hot seat map of 20,000 seats
 * costs neither 20,000 objects nor 20,000 JSON fields per call. Keeps the views of the latest snapshots only.
 */
final class SeatListJson extends ValueSerializer<List<Views.Seat>> {

	private static final int KEPT = 16;

	// engine snapshot -> its view and the legend it was made with; view -> its JSON text. Identity: a snapshot is one
	// list object per seat version (prices may change without any seat changing: a new legend makes a new view)
	private static final Map<List<SeatMap.Seat>, PricedView> VIEWS = Collections
		.synchronizedMap(new IdentityHashMap<>());

	private static final Map<List<Views.Seat>, SerializableString> JSON = Collections.synchronizedMap(new IdentityHashMap<>());

	/** The view of a snapshot's seats priced by a legend, the same object for the same snapshot and legend. */
	static List<Views.Seat> viewOf(List<SeatMap.Seat> snapshot, List<SeatMap.Category> categories) {
		var priced = VIEWS.get(snapshot);
		if (priced == null || !priced.categories().equals(categories)) {
			var view = snapshot.stream().map((seat) -> {
				// a map read without its legend has no categories: its seats have none
				var category = (seat.category() < categories.size()) ? categories.get(seat.category()) : null;
				return new Views.Seat(seat.label(), seat.status().name(), (category != null) ? category.name() : null,
						(category != null) ? category.price() : 0);
			}).toList();
			if (VIEWS.size() >= KEPT) {
				VIEWS.clear();
				JSON.clear();
			}
			priced = new PricedView(categories, view);
			VIEWS.put(snapshot, priced);
		}
		return priced.view();
	}

	private record PricedView(List<SeatMap.Category> categories, List<Views.Seat> view) {
	}

	@Override
	public void serialize(List<Views.Seat> seats, JsonGenerator generator, SerializationContext context) {
		var json = JSON.get(seats);
		if (json == null) {
			var text = new StringBuilder(seats.size() * 70).append('[');
			// category names are an admin's text: escaped, once per name
			var names = new HashMap<String, char[]>();
			for (var seat : seats) {
				if (text.length() > 1) {
					text.append(',');
				}
				// labels and statuses are letters and digits: nothing to escape
				text.append("{\"seat\":\"").append(seat.seat()).append("\",\"status\":\"").append(seat.status())
					.append("\",\"category\":");
				if (seat.category() != null) {
					text.append('"')
						.append(names.computeIfAbsent(seat.category(), JsonStringEncoder.getInstance()::quoteAsCharArray))
						.append('"');
				}
				else {
					text.append("null");
				}
				text.append(",\"price\":").append(seat.price()).append('}');
			}
			// kept as text and, once first written to bytes, as its UTF-8 bytes: a response copies them as they are
			json = new SerializedString(text.append(']').toString());
			synchronized (VIEWS) {
				if (VIEWS.values().stream().anyMatch((priced) -> priced.view() == seats)) {
					JSON.put(seats, json);
				}
			}
		}
		generator.writeRawValue(json);
	}
}
