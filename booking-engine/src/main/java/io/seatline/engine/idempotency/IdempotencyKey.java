package io.seatline.engine.idempotency;

import io.seatline.engine.error.InvalidRequest;

/** A client's name for one request that it may send again: 1 to 255 printable ASCII characters. */
public record IdempotencyKey(String value) {

	/** The longest key accepted. */
	public static final int MAX_LENGTH = 255;

	/** {@code INVALID_REQUEST} (field {@code idempotencyKey}) unless the value is a valid key. */
	public IdempotencyKey {
		if (!isValid(value)) {
			throw new InvalidRequest("idempotencyKey",
					"An idempotency key is 1 to " + MAX_LENGTH + " printable ASCII characters, not blank");
		}
	}

	/** The key of the text a host received, or null when it received none (the request is then not retry-safe). */
	public static IdempotencyKey of(String value) {
		return (value != null) ? new IdempotencyKey(value) : null;
	}

	private static boolean isValid(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || value.isBlank()) {
			return false;
		}
		return value.chars().allMatch((c) -> c >= 0x20 && c <= 0x7e);
	}

	@Override
	public String toString() {
		return this.value;
	}
}
