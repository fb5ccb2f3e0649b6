package io.seatline.engine.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.seatline.engine.error.InvalidRequest;

/** Parses the contract's instants (ISO-8601 with an offset) and dates ({@code YYYY-MM-DD}). */
public final class Times {

	private Times() {
	}

	/** An instant from ISO-8601 text with an offset or {@code Z}; null stays null. */
	public static Instant instant(String field, String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				.toInstant()
				.truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequest(field,
					field + " must be ISO-8601 with an offset, such as 2026-12-24T19:30:00+01:00");
		}
	}

	/** A date from {@code YYYY-MM-DD}; null or blank is null. */
	public static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequest(field, field + " must be a date, YYYY-MM-DD");
		}
	}
}
