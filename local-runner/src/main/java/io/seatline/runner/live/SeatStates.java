package io.seatline.runner.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.catalog.SeatStatus;

/** One reading of an event's status and its seat statuses, in seat-map order, and what changed since an earlier reading. */
final class SeatStates {

	private final Map<String, String> statuses;

	private final String eventStatus;

	private SeatStates(Map<String, String> statuses, String eventStatus) {
		this.statuses = statuses;
		this.eventStatus = eventStatus;
	}

	static SeatStates of(SeatMap map) {
		var statuses = new LinkedHashMap<String, String>();
		for (var seat : map.seats()) {
			statuses.put(seat.label(), seat.status().name());
		}
		return new SeatStates(statuses, map.event().isCancelled() ? "CANCELLED" : "SCHEDULED");
	}

	/** Every seat with its status, as {@code eventSeats} lists them. */
	List<Seat> all() {
		var all = new ArrayList<Seat>(this.statuses.size());
		this.statuses.forEach((label, status) -> all.add(new Seat(label, status)));
		return all;
	}

	/** The seats whose status is not what it was in the earlier reading (every seat when there was none). */
	List<Seat> changedSince(SeatStates earlier) {
		if (earlier == null) {
			return all();
		}
		var changed = new ArrayList<Seat>();
		this.statuses.forEach((label, status) -> {
			if (!Objects.equals(earlier.statuses.get(label), status)) {
				changed.add(new Seat(label, status));
			}
		});
		return changed;
	}

	/** The event's status as {@code eventSeats} gives it: SCHEDULED or CANCELLED. */
	String eventStatus() {
		return this.eventStatus;
	}

	int available() {
		var available = 0;
		for (var status : this.statuses.values()) {
			if (SeatStatus.AVAILABLE.name().equals(status)) {
				available++;
			}
		}
		return available;
	}

	/** One seat, in the shape of {@code eventSeats}. */
	record Seat(String seat, String status) {
	}
}
