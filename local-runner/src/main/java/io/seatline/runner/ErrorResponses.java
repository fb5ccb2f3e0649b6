package io.seatline.runner;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.seatline.engine.error.Busy;
import io.seatline.engine.error.SeatlineException;

/**
 * The one place where failures become HTTP: each engine refusal gets the contract's status and
 * {@code {"error", "message", ...}} body; anything unexpected is a 500 with a generic message, logged here, never a
 * stack trace in the reply.
 */
@RestControllerAdvice
class ErrorResponses {

	private static final Log logger = LogFactory.getLog(ErrorResponses.class);

	/** The contract's status of each error code. */
	static HttpStatus statusOf(String code) {
		return switch (code) {
			case "INVALID_REQUEST" -> HttpStatus.BAD_REQUEST;
			case "UNAUTHENTICATED", "INVALID_CREDENTIALS" -> HttpStatus.UNAUTHORIZED;
			case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
			case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
			case "SEATS_UNAVAILABLE", "CONFLICT" -> HttpStatus.CONFLICT;
			case "TOO_MANY_ATTEMPTS" -> HttpStatus.TOO_MANY_REQUESTS;
			case "BUSY" -> HttpStatus.SERVICE_UNAVAILABLE;
			default -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

	@ExceptionHandler(SeatlineException.class)
	ResponseEntity<Map<String, Object>> refused(SeatlineException ex) {
		var body = body(ex.code(), ex.getMessage());
		body.putAll(ex.details());
		if (ex instanceof Busy) {
			logger.warn("The database stayed busy: " + ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "1")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body);
		}
		return reply(statusOf(ex.code()), body);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> noSuchPath(NoResourceFoundException ex) {
		return reply(HttpStatus.NOT_FOUND, body("NOT_FOUND", "Nothing is served at /" + ex.getResourcePath()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> wrongMethod(HttpRequestMethodNotSupportedException ex) {
		return reply(HttpStatus.METHOD_NOT_ALLOWED,
				body("METHOD_NOT_ALLOWED", "Use " + String.join(" or ", ex.getSupportedMethods()) + " here"));
	}

	/** A page that closed its live seat stream: nobody is left to answer. */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void disconnected(AsyncRequestNotUsableException ex) {
		logger.debug("A client went away: " + ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		return reply(HttpStatus.INTERNAL_SERVER_ERROR,
				body("INTERNAL", "Something went wrong on our side; nothing was changed"));
	}

	private static Map<String, Object> body(String code, String message) {
		var body = new LinkedHashMap<String, Object>();
		body.put("error", code);
		body.put("message", message);
		return body;
	}

	private static ResponseEntity<Map<String, Object>> reply(HttpStatus status, Map<String, Object> body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
