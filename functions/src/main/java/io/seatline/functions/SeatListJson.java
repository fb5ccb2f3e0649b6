package io.seatline.functions;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
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

	// engine snapshot -> its view; view -> its JSON text. Identity: a snapshot is one list object per seat version
	private static final Map<List<SeatMap.Seat>, List<Views.Seat>> VIEWS = Collections
		.synchronizedMap(new IdentityHashMap<>());

	private static final Map<List<Views.Seat>, String> JSON = Collections.synchronizedMap(new IdentityHashMap<>());

	/** The view of a snapshot's seats, the same object for the same snapshot. */
	static List<Views.Seat> viewOf(List<SeatMap.Seat> snapshot) {
		var view = VIEWS.get(snapshot);
		if (view == null) {
			view = snapshot.stream().map((seat) -> new Views.Seat(seat.label(), seat.status().name())).toList();
			if (VIEWS.size() >= KEPT) {
				VIEWS.clear();
				JSON.clear();
			}
			VIEWS.put(snapshot, view);
		}
		return view;
	}

	@Override
	public void serialize(List<Views.Seat> seats, JsonGenerator generator, SerializationContext context) {
		var json = JSON.get(seats);
		if (json == null) {
			var text = new StringBuilder(seats.size() * 40).append('[');
			for (var seat : seats) {
				if (text.length() > 1) {
					text.append(',');
				}
				// labels and statuses are letters and digits: nothing to escape
				text.append("{\"seat\":\"").append(seat.seat()).append("\",\"status\":\"").append(seat.status())
					.append("\"}");
			}
			json = text.append(']').toString();
			if (VIEWS.containsValue(seats)) {
				JSON.put(seats, json);
			}
		}
		generator.writeRawValue(json);
	}
}
