package io.seatline.engine.persistence;

import java.security.SecureRandom;

/**
 * Opaque ids: 13 characters of lowercase Crockford base32 from a secure random source (65 bits), short enough to
 * type in the shell and not guessable or countable like a sequence.
 */
public final class Ids {

	private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static String next() {
		var bytes = new byte[9];
		RANDOM.nextBytes(bytes);
		var chars = new char[13];
		long high = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (bytes[i] & 0xff);
		}
		for (int i = 0; i < 12; i++) {
			chars[i] = ALPHABET[(int) (high >>> (59 - 5 * i)) & 31];
		}
		chars[12] = ALPHABET[bytes[8] & 31];
		return new String(chars);
	}
}
