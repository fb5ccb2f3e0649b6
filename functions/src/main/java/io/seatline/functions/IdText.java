package io.seatline.functions;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an id field: the contract lets an id be a JSON string or a number (read as its text), while every other
 * text field takes strings only. Anything else (true, an object, a list) is refused naming the field.
 */
final class IdText extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		var token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
				|| token == JsonToken.VALUE_NUMBER_FLOAT) {
			return parser.getString();
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}
}
