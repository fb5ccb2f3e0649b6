package io.seatline.runner;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code seatline.http.max-requests-per-client} requests of one client address are served at once; more
 * are refused at once with 429 {@code TOO_MANY_REQUESTS}. A request holds one of Tomcat's threads while its body
 * arrives, so a few clients that trickle bodies could otherwise hold every thread. The address is the one Tomcat
 * gives: the peer's, or the client's that a trusted proxy forwards when {@code server.forward-headers-strategy} is
 * {@code native}. A live seat stream is asynchronous and holds no thread: it does not count once started.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientLimits extends OncePerRequestFilter {

	private final int maxPerClient;

	private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

	ClientLimits(@Value("${seatline.http.max-requests-per-client:100}") int maxPerClient) {
		this.maxPerClient = maxPerClient;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.maxPerClient <= 0) {
			chain.doFilter(request, response);
			return;
		}
		var client = String.valueOf(request.getRemoteAddr());
		int now = this.inFlight.merge(client, 1, Integer::sum);
		try {
			if (now > this.maxPerClient) {
				refuse(response);
				return;
			}
			chain.doFilter(request, response);
		}
		finally {
			this.inFlight.computeIfPresent(client, (key, count) -> (count == 1) ? null : count - 1);
		}
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		// the body may still be arriving: do not wait for it on this connection
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"error\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests from this "
				+ "address at once; retry when one has finished\"}");
		// out before Tomcat closes the connection on the unread body
		response.flushBuffer();
	}
}
