package io.seatline.runner;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that keep the web pages safe even if a bug let user text into markup: scripts, styles and connections
 * only from this runner (no inline script can run), no framing, no MIME sniffing; and no caching of what a signed-in
 * caller receives.
 */
@Component
class SecurityHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "same-origin");
		if (signedIn(request) && !isPage(request)) {
			// a personal reply (bookings, the CSV, the dashboard) is kept by no cache, shared or the browser's
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		chain.doFilter(request, response);
	}

	private static boolean signedIn(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null || SessionCookies.present(request);
	}

	/** A static page, script or style: the same for everyone, so it may be cached. */
	private static boolean isPage(HttpServletRequest request) {
		var path = request.getRequestURI();
		return HttpMethod.GET.matches(request.getMethod()) && (path.equals("/") || path.endsWith(".html")
				|| path.endsWith(".js") || path.endsWith(".css") || path.endsWith(".svg") || path.endsWith(".png")
				|| path.endsWith(".ico"));
	}
}
