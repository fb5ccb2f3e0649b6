package io.seatline.engine.catalog;

import io.seatline.engine.error.InvalidRequest;

/** Checks of the names people give venues and events. */
final class Names {

	private Names() {
	}

	/** A non-blank name of at most {@code max} characters, with surrounding spaces removed. */
	static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequest(field, field + " is required");
		}
		var stripped = value.strip();
		if (stripped.length() > max) {
			throw new InvalidRequest(field, field + " has at most " + max + " characters");
		}
		if (stripped.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequest(field, field + " may not contain control characters");
		}
		return stripped;
	}
}
