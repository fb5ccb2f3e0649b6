package io.seatline.engine.persistence;

import java.security.SecureRandom;

/**
 * Opaque ids: 19 characters of lowercase Crockford base32, the second they were made (6 characters) and then 65
 * bits from a secure random source (13 characters): not guessable or countable like a sequence.
 * <p>
 * The time comes first so that the rows a second makes sit side by side in every index keyed by an id (a booking,
 * its seats, its email jobs, its audit entry): a shared commit of many bookings writes a few pages of each such index,
 * not one page per booking scattered over the whole tree. With ids wholly random, each booking wrote about a dozen
 * pages of its own. The second counts from 2020 on 30 bits, which last until 2054; past that the prefix wraps, which
 * costs that locality for a while and nothing else.
 */
public final class Ids {

	private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	// 2020-01-01T00:00:00Z
	private static final long EPOCH_SECOND = 1_577_836_800L;

	private Ids() {
	}

	public static String next() {
		return next(System.currentTimeMillis() / 1000);
	}

	static String next(long epochSecond) {
		var chars = new char[19];
		long seconds = epochSecond - EPOCH_SECOND;
		for (int i = 0; i < 6; i++) {
			chars[i] = ALPHABET[(int) (seconds >>> (25 - 5 * i)) & 31];
		}
		var bytes = new byte[9];
		RANDOM.nextBytes(bytes);
		long high = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (bytes[i] & 0xff);
		}
		for (int i = 0; i < 12; i++) {
			chars[6 + i] = ALPHABET[(int) (high >>> (59 - 5 * i)) & 31];
		}
		chars[18] = ALPHABET[bytes[8] & 31];
		return new String(chars);
	}
}
