package io.seatline.runner;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import io.seatline.engine.error.Unauthenticated;

/** Reads the session token of a request from its {@code Authorization: Bearer} header. */
final class BearerTokens {

	private BearerTokens() {
	}

	/** The token, or null when the request carries none. */
	static String of(HttpServletRequest request) {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && !header.isBlank()) {
			var value = header.strip();
			if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
				throw new Unauthenticated("The Authorization header must be 'Bearer <token>'");
			}
			return value.substring(7).strip();
		}
		return null;
	}
}
