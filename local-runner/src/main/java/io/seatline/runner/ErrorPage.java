package io.seatline.runner;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside any controller (by the servlet container) still answer in the contract's JSON form. */
@RestController
class ErrorPage implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		var status = HttpStatus.resolve((code instanceof Integer number) ? number : 500);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		var error = switch (status) {
			case BAD_REQUEST -> "INVALID_REQUEST";
			case NOT_FOUND -> "NOT_FOUND";
			case UNAUTHORIZED -> "UNAUTHENTICATED";
			case FORBIDDEN -> "FORBIDDEN";
			default -> status.is4xxClientError() ? "INVALID_REQUEST" : "INTERNAL";
		};
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", error, "message", status.getReasonPhrase()));
	}
}
