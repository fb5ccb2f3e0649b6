package io.seatline.runner;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;

import io.seatline.engine.error.InvalidRequest;

/**
 * The web pages' session: the same bearer token that {@code login} issues, kept in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie so that no page script can read it. A client asks for it by calling {@code login}
 * with {@code Seatline-Session: cookie}; afterwards the runner takes the cookie wherever no {@code Authorization}
 * header is sent.
 */
final class SessionCookies {

	static final String NAME = "seatline_session";

	/**
	 * A cookie that scripts may read, holding no secret, set and cleared with the session cookie: it tells the pages
	 * that someone may be signed in, so that an anonymous page does not ask {@code currentUser} only to be told 401
	 * (which the browser reports as an error).
	 */
	static final String MARKER = "seatline_signed_in";

	/** The request header by which {@code login} is asked to answer with a cookie instead of a token. */
	static final String MODE_HEADER = "Seatline-Session";

	private SessionCookies() {
	}

	/** True when the client asked {@code login} for a cookie session. */
	static boolean requested(HttpServletRequest request) {
		return "cookie".equalsIgnoreCase(request.getHeader(MODE_HEADER));
	}

	/** True when the request carries a session cookie, valid or not. */
	static boolean present(HttpServletRequest request) {
		return find(request) != null;
	}

	/**
	 * The token in the request's session cookie, or null without one. A browser sends cookies by itself, also with
	 * a form that another site makes it post, so a state-changing request that signs in by cookie must be JSON: a
	 * cross-origin page can only send JSON after a CORS preflight that this runner never grants. SameSite=Strict
	 * already keeps the cookie off cross-site requests; this is the second lock.
	 */
	static String tokenOf(HttpServletRequest request) {
		var cookie = find(request);
		if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
			return null;
		}
		var method = request.getMethod();
		if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method) && !isJson(request)) {
			throw new InvalidRequest(null,
					"A request signed in by the session cookie must be sent with Content-Type: application/json");
		}
		return cookie.getValue().strip();
	}

	/**
	 * The token in the request's session cookie for {@code logout}, or null without one, whatever the request's
	 * content type: the cookie is cleared either way, so the session behind it must end too, not live on unseen.
	 */
	static String tokenToEnd(HttpServletRequest request) {
		var cookie = find(request);
		return (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) ? null
				: cookie.getValue().strip();
	}

	/** The cookie that holds a new session for as long as the session lives; {@code Secure} over https. */
	static ResponseCookie issue(HttpServletRequest request, String token, Duration lifetime) {
		return base(request, NAME, token).maxAge(lifetime.isNegative() ? Duration.ZERO : lifetime).build();
	}

	/** The marker that goes with a new session cookie, for as long. */
	static ResponseCookie issueMarker(HttpServletRequest request, Duration lifetime) {
		return base(request, MARKER, "1").httpOnly(false)
			.maxAge(lifetime.isNegative() ? Duration.ZERO : lifetime)
			.build();
	}

	/** The cookie that makes the browser forget the session. */
	static ResponseCookie clear(HttpServletRequest request) {
		return base(request, NAME, "").maxAge(Duration.ZERO).build();
	}

	/** The cookie that makes the browser forget the marker. */
	static ResponseCookie clearMarker(HttpServletRequest request) {
		return base(request, MARKER, "").httpOnly(false).maxAge(Duration.ZERO).build();
	}

	private static ResponseCookie.ResponseCookieBuilder base(HttpServletRequest request, String name, String value) {
		return ResponseCookie.from(name, value)
			.path("/")
			.httpOnly(true)
			.sameSite("Strict")
			.secure(request.isSecure());
	}

	private static Cookie find(HttpServletRequest request) {
		var cookies = request.getCookies();
		if (cookies != null) {
			for (var cookie : cookies) {
				if (NAME.equals(cookie.getName())) {
					return cookie;
				}
			}
		}
		return null;
	}

	private static boolean isJson(HttpServletRequest request) {
		var header = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (header == null) {
			return false;
		}
		try {
			var type = MediaType.parseMediaType(header);
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}
}
