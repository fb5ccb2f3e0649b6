package io.seatline.shell;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seatline.engine.error.Unauthenticated;
import io.seatline.functions.FunctionInvoker;

/**
 * Calls the functions the way every client does: a JSON body in, the function's JSON out, with the session's
 * bearer token. Commands read the output as a JSON tree, exactly what an HTTP client of the runner would get.
 */
@Component
class Functions {

	/** The client address the shell gives for login throttling: a person at this machine. */
	static final String CLIENT_ADDRESS = "local";

	private final FunctionInvoker invoker;

	private final Session session;

	private final JsonMapper json = JsonMapper.builder().build();

	Functions(FunctionInvoker invoker, Session session) {
		this.invoker = invoker;
		this.session = session;
	}

	/** Calls a function with a body of field names and values (null values are left out). */
	JsonNode call(String function, Object... fieldsAndValues) {
		var result = invoke(function, fieldsAndValues);
		return this.json.readTree(this.invoker.toJson(result.payload()));
	}

	/** Calls a function whose output is text (the CSV export). */
	String text(String function, Object... fieldsAndValues) {
		var result = invoke(function, fieldsAndValues);
		return result.isText() ? (String) result.payload() : this.invoker.toJson(result.payload());
	}

	private FunctionInvoker.Result invoke(String function, Object... fieldsAndValues) {
		try {
			return this.invoker.invoke(function, body(fieldsAndValues), this.session.token(), CLIENT_ADDRESS);
		}
		catch (Unauthenticated ex) {
			// a saved login the server no longer knows is nobody signed in: say so once, and forget it
			throw this.session.usesSavedLogin() ? this.session.savedLoginEnded() : ex;
		}
	}

	private byte[] body(Object... fieldsAndValues) {
		var body = new LinkedHashMap<String, Object>();
		for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
			if (fieldsAndValues[i + 1] != null) {
				body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
			}
		}
		return this.invoker.toJson(body).getBytes(StandardCharsets.UTF_8);
	}
}
