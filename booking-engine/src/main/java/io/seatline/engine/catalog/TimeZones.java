package io.seatline.engine.catalog;

import java.time.ZoneId;

import io.seatline.engine.error.InvalidRequest;

/**
 * Reads time zone ids: only the region ids of the time zone database ({@code Europe/Berlin}, {@code UTC}), which
 * every client (Java, a browser's Intl) knows by the same name; fixed offsets such as {@code +02:00} are refused, as
 * they know nothing of summer time.
 */
public final class TimeZones {

	private TimeZones() {
	}

	/** The zone of this id; null or blank is null; an unknown id is {@code INVALID_REQUEST} on {@code field}. */
	public static ZoneId zone(String field, String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		var zone = zone(id);
		if (zone == null) {
			throw new InvalidRequest(field, field + " must be a time zone id such as Europe/Berlin or UTC; '"
					+ ((id.length() > 60) ? id.substring(0, 60) + "..." : id) + "' is not one");
		}
		return zone;
	}

	// the zone of a known region id, else null
	static ZoneId zone(String id) {
		var text = (id != null) ? id.strip() : "";
		return ZoneId.getAvailableZoneIds().contains(text) ? ZoneId.of(text) : null;
	}
}
