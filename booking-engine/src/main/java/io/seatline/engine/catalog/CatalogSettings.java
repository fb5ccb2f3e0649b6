package io.seatline.engine.catalog;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalog settings ({@code seatline.*}).
 *
 * @param defaultTimeZone the time zone of a venue created without one, and of the venues that existed before venues
 * had a zone (the migration gives them this one): an IANA id such as {@code Europe/Berlin}
 */
@ConfigurationProperties("seatline")
public record CatalogSettings(@DefaultValue("UTC") String defaultTimeZone) {

	public CatalogSettings {
		if (TimeZones.zone(defaultTimeZone) == null) {
			throw new IllegalArgumentException("seatline.default-time-zone (SEATLINE_DEFAULT_TIME_ZONE) must be a time "
					+ "zone id such as Europe/Berlin or UTC, not '" + defaultTimeZone + "'");
		}
		defaultTimeZone = TimeZones.zone(defaultTimeZone).getId();
	}

	/** The default zone. */
	public ZoneId defaultZone() {
		return ZoneId.of(this.defaultTimeZone);
	}
}
