package io.seatline.engine.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON objects an audit entry keeps as its state before and after: text, numbers, booleans, lists of
 * text, objects of these, instants as ISO-8601 text, in the order given.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/** An object of the key/value pairs given in turn; pairs whose value is null are left out. */
	static String object(Object... keysAndValues) {
		return object(fields(keysAndValues));
	}

	/** The fields of {@link #object(Object...)}, to nest in another object. */
	static Map<String, Object> fields(Object... keysAndValues) {
		var fields = new LinkedHashMap<String, Object>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return fields;
	}

	static String object(Map<String, Object> fields) {
		var plain = new LinkedHashMap<String, Object>();
		fields.forEach((key, value) -> plain.put(key, (value instanceof Instant instant) ? instant.toString() : value));
		return MAPPER.writeValueAsString(plain);
	}
}
