package io.seatline.runner;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside any controller (by the servlet container) still answer in the contract's JSON form;
 * {@code /error} called directly is a path like any other that serves nothing.
 */
@RestController
class ErrorPage implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		var status = (code instanceof Integer number) ? HttpStatus.resolve(number) : HttpStatus.NOT_FOUND;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status.value()));
	}

	/** The contract's error code of an HTTP status that a container, not a function, decided. */
	static String codeOf(int status) {
		return switch (status) {
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 429 -> "TOO_MANY_REQUESTS";
			case 503 -> "BUSY";
			default -> (status >= 400 && status < 500) ? "INVALID_REQUEST" : "INTERNAL";
		};
	}

	static Map<String, Object> body(int status) {
		var resolved = HttpStatus.resolve(status);
		var body = new LinkedHashMap<String, Object>();
		body.put("error", codeOf(status));
		body.put("message", (resolved != null) ? resolved.getReasonPhrase() : "HTTP " + status);
		return body;
	}

	/** The same body as JSON text, for writers outside Spring MVC (Tomcat's valve, filters). */
	static String json(int status) {
		var body = body(status);
		return "{\"error\":\"" + body.get("error") + "\",\"message\":\"" + body.get("message") + "\"}";
	}
}
