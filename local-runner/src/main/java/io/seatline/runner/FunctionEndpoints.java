package io.seatline.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.seatline.engine.error.InvalidRequest;
import io.seatline.functions.FunctionInvoker;

/**
 * {@code POST /{function}} and {@code POST /a,b}: JSON in, JSON out (CSV for the export), through the same
 * {@link FunctionInvoker} every host uses. {@code GET /admin/export.csv} downloads the bookings.
 */
@RestController
class FunctionEndpoints {

	/** The largest request body accepted: far above any real request. */
	static final int MAX_BODY = 1024 * 1024;

	private final FunctionInvoker functions;

	FunctionEndpoints(FunctionInvoker functions) {
		this.functions = functions;
	}

	@PostMapping("/{definition:[A-Za-z0-9_,|]+}")
	ResponseEntity<String> invoke(@PathVariable String definition, HttpServletRequest request) throws IOException {
		var body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			throw new InvalidRequest(null, "The body is larger than " + MAX_BODY + " bytes");
		}
		var result = this.functions.invoke(definition, body, BearerTokens.of(request));
		if (result.isText()) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(result.contentType()))
				.body((String) result.payload());
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.functions.toJson(result.payload()));
	}

	@GetMapping("/admin/export.csv")
	ResponseEntity<String> exportCsv(@RequestParam(required = false) String eventId, HttpServletRequest request) {
		var input = (eventId != null) ? this.functions.toJson(java.util.Map.of("eventId", eventId)) : "{}";
		var result = this.functions.invoke("exportBookings", input.getBytes(StandardCharsets.UTF_8),
				BearerTokens.of(request));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(result.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("bookings.csv").build().toString())
			.body((String) result.payload());
	}
}
