package io.seatline.functions;

import java.util.Map;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.account.User;
import io.seatline.engine.error.Unauthenticated;

/** Finds the caller of a function from the message's {@code Authorization: Bearer <token>} header. */
final class Callers {

	static final String AUTHORIZATION = "authorization";

	/**
	 * The message header by which a host tells the engine where a call comes from (the remote IP address over HTTP,
	 * {@code local} in the shell), for the per-address login limit. Optional: without it only usernames are limited.
	 * Hosts set it themselves, never from what a client sends.
	 */
	static final String CLIENT_ADDRESS = FunctionInvoker.CLIENT_ADDRESS;

	private Callers() {
	}

	/** The signed-in user; {@code UNAUTHENTICATED} without a valid bearer token. */
	static User require(Sessions sessions, Map<String, Object> headers) {
		return sessions.authenticate(token(headers));
	}

	/** The client address the host gave, or null. */
	static String address(Map<String, Object> headers) {
		var value = headers.get(CLIENT_ADDRESS);
		return (value != null && !value.toString().isBlank()) ? value.toString().strip() : null;
	}

	/** The bearer token of the message, or null. Header names are matched in any case, as HTTP does. */
	static String token(Map<String, Object> headers) {
		for (var header : headers.entrySet()) {
			if (AUTHORIZATION.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
				var value = header.getValue().toString().strip();
				if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
					return value.substring(7).strip();
				}
				throw new Unauthenticated("The Authorization header must be 'Bearer <token>'");
			}
		}
		return null;
	}
}
