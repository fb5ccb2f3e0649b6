package io.seatline.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.seatline.engine.account.SignedIn;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.SeatlineException;
import io.seatline.functions.BookingsCsv;
import io.seatline.functions.FunctionInvoker;

/**
 * {@code POST /{function}} and {@code POST /a,b}: JSON in, JSON out (CSV for the export), through the same
 * {@link FunctionInvoker} every host uses, with the key of an {@code Idempotency-Key} header. {@code GET
 * /admin/export.csv} downloads the bookings (streamed through {@link BookingsCsv}), {@code GET /admin/audit.csv} the
 * audit log. The caller is the bearer token of the {@code Authorization} header or, without one, the web pages'
 * {@link SessionCookies session cookie}.
 */
@RestController
class FunctionEndpoints {

	/**
	 * The header of a write's idempotency key: a retry of the request with the same key and body gets the first
	 * answer and changes nothing (docs/idempotency.md).
	 */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The largest request body accepted: far above any real request. */
	static final int MAX_BODY = 1024 * 1024;

	private final FunctionInvoker functions;

	private final BookingsCsv csv;

	private final Clock clock;

	private final Duration bodyTimeout;

	FunctionEndpoints(FunctionInvoker functions, BookingsCsv csv, Clock clock,
			@Value("${seatline.http.body-timeout:10s}") Duration bodyTimeout) {
		this.functions = functions;
		this.csv = csv;
		this.clock = clock;
		this.bodyTimeout = bodyTimeout;
	}

	@PostMapping("/{definition:[A-Za-z0-9_,|]+}")
	ResponseEntity<?> invoke(@PathVariable String definition, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		var body = readBody(request);
		if ("login".equals(definition) && SessionCookies.requested(request)) {
			return loginWithCookie(body, request);
		}
		var token = BearerTokens.of(request);
		if (token == null && "logout".equals(definition) && SessionCookies.present(request)) {
			// the browser forgets the session even when the server no longer knows it (expired)
			response.addHeader(HttpHeaders.SET_COOKIE, SessionCookies.clear(request).toString());
			response.addHeader(HttpHeaders.SET_COOKIE, SessionCookies.clearMarker(request).toString());
			// and the server ends it whatever the content type or body: ending a session is never what a forged
			// form wants, and a session the browser forgot must not live on
			token = SessionCookies.tokenToEnd(request);
			body = null;
		}
		if (token == null) {
			token = SessionCookies.tokenOf(request);
		}
		var result = this.functions.invoke(definition, body, token, clientAddress(request),
				request.getHeader(IDEMPOTENCY_KEY));
		if (result.isText()) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(result.contentType()))
				.body((String) result.payload());
		}
		// written as it is made: no copy of a large reply (a seat map) in memory
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.functions.writeJson(result.payload(), response.getOutputStream());
		return null;
	}

	/**
	 * Stripe's webhook: the raw body and its {@code Stripe-Signature} header handed to {@code stripeWebhook}, which
	 * acts only on a delivery whose signature verifies with {@code STRIPE_WEBHOOK_SECRET} ({@code 400} otherwise,
	 * nothing done; {@code 404} where Stripe is not configured). A delivery repeated answers {@code 200} again and
	 * changes nothing.
	 */
	@PostMapping("/webhooks/stripe")
	ResponseEntity<String> stripeWebhook(HttpServletRequest request) throws IOException {
		var delivery = new LinkedHashMap<String, Object>();
		delivery.put("payload", new String(readBody(request), StandardCharsets.UTF_8));
		delivery.put("signature", request.getHeader("Stripe-Signature"));
		var result = this.functions.invoke("stripeWebhook",
				this.functions.toJson(delivery).getBytes(StandardCharsets.UTF_8), null, clientAddress(request));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.functions.toJson(result.payload()));
	}

	/**
	 * The request body, refused when larger than {@link #MAX_BODY} or when it has not arrived whole within
	 * {@code seatline.http.body-timeout}: a request holds a thread while its body arrives, and a client that sends a
	 * byte now and then would hold it for ever (each read waits at most Tomcat's {@code connection-timeout}).
	 */
	private byte[] readBody(HttpServletRequest request) throws IOException {
		// wall time, not the injected clock: tests move that one
		long deadline = System.nanoTime() + this.bodyTimeout.toNanos();
		var in = request.getInputStream();
		var body = new ByteArrayOutputStream();
		var buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) != -1) {
			body.write(buffer, 0, read);
			if (body.size() > MAX_BODY) {
				throw new InvalidRequest(null, "The body is larger than " + MAX_BODY + " bytes");
			}
			if (System.nanoTime() - deadline > 0) {
				throw new InvalidRequest(null, "The body took longer than " + this.bodyTimeout.toSeconds()
						+ " s to arrive");
			}
		}
		return body.toByteArray();
	}

	/**
	 * {@code login} for the web pages: the session goes into an HttpOnly cookie and the token is left out of the
	 * reply, so that no script of the page ever holds it. A session the browser held before is ended.
	 */
	private ResponseEntity<String> loginWithCookie(byte[] body, HttpServletRequest request) {
		var signedIn = (SignedIn) this.functions.invoke("login", body, null, clientAddress(request)).payload();
		var previous = SessionCookies.present(request) ? previousToken(request) : null;
		if (previous != null) {
			try {
				this.functions.invoke("logout", null, previous);
			}
			catch (SeatlineException ex) {
				// already expired or ended: nothing left to end
			}
		}
		var reply = new LinkedHashMap<String, Object>();
		reply.put("expiresAt", signedIn.expiresAt());
		reply.put("username", signedIn.username());
		reply.put("role", signedIn.role());
		var lifetime = Duration.between(this.clock.instant(), signedIn.expiresAt());
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, SessionCookies.issue(request, signedIn.token(), lifetime).toString(),
					SessionCookies.issueMarker(request, lifetime).toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.functions.toJson(reply));
	}

	/**
	 * Where the request comes from, for the per-address login limit: the connection's remote address, never a
	 * header the client sent (behind a proxy that is the proxy, unless the server is set to trust its forwarded
	 * headers).
	 */
	static String clientAddress(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	private static String previousToken(HttpServletRequest request) {
		try {
			return SessionCookies.tokenOf(request);
		}
		catch (SeatlineException ex) {
			return null;
		}
	}

	/**
	 * {@code GET /admin/export.csv}: the bookings as {@code exportBookings} gives them, streamed to the response as
	 * the rows are read (chunked, never held whole). A refusal (not signed in, not an admin, an unknown event) is
	 * the error JSON, found by a count before the first byte; a failure once the CSV has begun cuts the response.
	 * {@code ?prices=true} appends the columns {@code currency,amount}; without it the header is the contract's.
	 */
	@GetMapping("/admin/export.csv")
	void exportCsv(@RequestParam(required = false) String eventId, @RequestParam(required = false) String prices,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		var withPrices = pricesOf(prices);
		var bearer = BearerTokens.of(request);
		var token = (bearer != null) ? bearer : SessionCookies.tokenOf(request);
		this.csv.count(token, eventId);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("bookings.csv").build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.csv.write(token, eventId, withPrices, out, (written) -> {
		});
		out.flush();
	}

	// a query parameter is text: anything but true or false is the refusal a JSON boolean of another type gets
	private static boolean pricesOf(String prices) {
		if (prices == null || prices.isEmpty() || prices.equalsIgnoreCase("false")) {
			return false;
		}
		if (prices.equalsIgnoreCase("true")) {
			return true;
		}
		throw new InvalidRequest("prices", "prices is true or false");
	}

	/**
	 * {@code GET /admin/audit.csv}: the audit log as CSV, filtered as {@code exportAuditLog} filters it (by
	 * {@code eventId}, {@code bookingId} or {@code reference}, {@code username}, and {@code limit}).
	 */
	@GetMapping("/admin/audit.csv")
	ResponseEntity<String> auditCsv(@RequestParam(required = false) String eventId,
			@RequestParam(required = false) String bookingId, @RequestParam(required = false) String reference,
			@RequestParam(required = false) String username, @RequestParam(required = false) String limit,
			HttpServletRequest request) {
		var input = new LinkedHashMap<String, Object>();
		input.put("eventId", eventId);
		input.put("bookingId", bookingId);
		input.put("reference", reference);
		input.put("username", username);
		input.put("limit", limitOf(limit));
		var token = BearerTokens.of(request);
		var result = this.functions.invoke("exportAuditLog", this.functions.toJson(input).getBytes(StandardCharsets.UTF_8),
				(token != null) ? token : SessionCookies.tokenOf(request), clientAddress(request));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(result.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("audit.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body((String) result.payload());
	}

	// a query parameter is text: a limit that is not a small whole number is the same refusal as in the JSON
	private static Integer limitOf(String limit) {
		if (limit == null || limit.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(limit);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequest("limit", "limit is a whole number");
		}
	}
}
