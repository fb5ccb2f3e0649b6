package io.seatline.functions;

import java.util.Map;

import io.seatline.engine.idempotency.IdempotencyKey;

/**
 * Finds the idempotency key of a write function's message: the {@value #HEADER} header (any case; an embedding
 * application sets it on the Message it passes), or {@code Idempotency-Key}, the HTTP header's name, as a web
 * adapter that copies HTTP headers into the message passes it. With a key the write is done once, and a repeat is
 * answered as the first time (see {@link io.seatline.engine.idempotency.IdempotentRequests}).
 */
final class IdempotencyKeys {

	/** The message header that carries an idempotency key. */
	static final String HEADER = FunctionInvoker.IDEMPOTENCY_KEY;

	private static final String HTTP_HEADER = "Idempotency-Key";

	private IdempotencyKeys() {
	}

	/** The message's key, or null; {@code INVALID_REQUEST} for a key that is not 1 to 255 printable ASCII. */
	static IdempotencyKey of(Map<String, Object> headers) {
		var value = header(headers, HEADER);
		return IdempotencyKey.of((value != null) ? value : header(headers, HTTP_HEADER));
	}

	private static String header(Map<String, Object> headers, String name) {
		for (var header : headers.entrySet()) {
			if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
				return header.getValue().toString();
			}
		}
		return null;
	}
}
