package io.seatline.engine.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.seatline.engine.error.InvalidRequest;

/**
 * Parses the contract's instants (ISO-8601 with an offset) and dates ({@code YYYY-MM-DD}). Only years from
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR} are accepted: ISO-8601 allows signed years of nine digits, which
 * overflow the arithmetic of queries and the four-digit years that pages and files show.
 */
public final class Times {

	/** The first year a date or an instant may have. */
	public static final int FIRST_YEAR = 1970;

	/** The last year a date or an instant may have. */
	public static final int LAST_YEAR = 9999;

	private Times() {
	}

	/** An instant from ISO-8601 text with an offset or {@code Z}; null stays null. */
	public static Instant instant(String field, String text) {
		if (text == null) {
			return null;
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				.toInstant()
				.truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw new InvalidRequest(field,
					field + " must be ISO-8601 with an offset, such as 2026-12-24T19:30:00+01:00");
		}
		inRange(field, instant.atOffset(ZoneOffset.UTC).getYear());
		return instant;
	}

	/** A date from {@code YYYY-MM-DD}; null or blank is null. */
	public static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequest(field, field + " must be a date, YYYY-MM-DD");
		}
		inRange(field, date.getYear());
		return date;
	}

	private static void inRange(String field, int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidRequest(field, field + " must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR);
		}
	}
}
