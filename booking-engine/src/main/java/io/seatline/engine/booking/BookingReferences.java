package io.seatline.engine.booking;

import java.security.SecureRandom;
import java.util.Locale;

import io.seatline.engine.error.InvalidRequest;

/**
 * Booking references, the booking as a customer reads it out: {@value #LENGTH} characters from an alphabet without
 * {@code 0}/{@code O} and {@code 1}/{@code I}, drawn from a secure random source (40 bits). Unique by the database's
 * index; a clash draws again.
 */
public final class BookingReferences {

	/** The characters of a reference, in the order the migration of existing bookings uses too. */
	public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	/** How many characters a reference has. */
	public static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private BookingReferences() {
	}

	/** A new random reference. */
	static String next() {
		var chars = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

	/**
	 * The reference as typed (any case, with spaces or dashes between its characters) in its stored form;
	 * {@code INVALID_REQUEST} naming {@code field} when it cannot be a reference.
	 */
	public static String normalize(String field, String typed) {
		var reference = (typed == null) ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (!isReference(reference)) {
			throw new InvalidRequest(field, "A booking reference is " + LENGTH + " characters of " + ALPHABET);
		}
		return reference;
	}

	/** True when the text is a reference in its stored form. */
	static boolean isReference(String text) {
		return text.length() == LENGTH && text.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0);
	}
}
