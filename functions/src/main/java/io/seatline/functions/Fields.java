package io.seatline.functions;

import io.seatline.engine.error.InvalidRequest;

/** Checks of plain id fields that no engine command wraps. */
final class Fields {

	private Fields() {
	}

	static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequest(field, field + " is required");
		}
		return value;
	}

	static String optional(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}
}
