package io.seatline.engine.catalog;

import java.text.Normalizer;
import java.util.regex.Pattern;

import io.seatline.engine.error.InvalidRequest;

/** Checks of the names people give venues and events, and of their free texts. */
final class Names {

	// zero-width and other invisible format characters (Unicode category Cf): two names that look alike are alike
	private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private Names() {
	}

	/**
	 * A non-blank name of at most {@code max} characters in one form: NFKC-normalised (a full-width or ligature
	 * letter is the plain letter, a no-break space a space), invisible characters removed, runs of spaces made one,
	 * surrounding spaces removed; so that names that look the same are the same when uniqueness is checked. Control
	 * characters are refused.
	 */
	static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequest(field, field + " is required");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequest(field, field + " may not contain control characters");
		}
		var normal = Normalizer.normalize(value, Normalizer.Form.NFKC);
		normal = SPACES.matcher(INVISIBLE.matcher(normal).replaceAll("")).replaceAll(" ").strip();
		if (normal.isEmpty()) {
			throw new InvalidRequest(field, field + " is required");
		}
		if (normal.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequest(field, field + " may not contain control characters");
		}
		if (normal.length() > max) {
			throw new InvalidRequest(field, field + " has at most " + max + " characters");
		}
		return normal;
	}

	/** Free text of several lines, kept as it is: control characters other than line breaks and tabs are refused. */
	static String text(String field, String value) {
		if (value != null && value.chars().anyMatch(Names::forbiddenInText)) {
			throw new InvalidRequest(field, field + " may not contain control characters other than line breaks");
		}
		return value;
	}

	private static boolean forbiddenInText(int c) {
		return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
	}
}
