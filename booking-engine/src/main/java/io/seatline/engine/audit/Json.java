package io.seatline.engine.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON objects an audit entry keeps as its state before and after: text, numbers, booleans, lists of
 * text, in the order given. The engine has no JSON library, and needs none for this.
 */
final class Json {

	private Json() {
	}

	/** An object of the key/value pairs given in turn; pairs whose value is null are left out. */
	static String object(Object... keysAndValues) {
		var fields = new LinkedHashMap<String, Object>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return object(fields);
	}

	static String object(Map<String, Object> fields) {
		var json = new StringBuilder("{");
		fields.forEach((key, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			text(json, key).append(':');
			value(json, value);
		});
		return json.append('}').toString();
	}

	private static void value(StringBuilder json, Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			json.append(value);
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				value(json, list.get(i));
			}
			json.append(']');
		}
		else {
			text(json, value.toString());
		}
	}

	private static StringBuilder text(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}
}
