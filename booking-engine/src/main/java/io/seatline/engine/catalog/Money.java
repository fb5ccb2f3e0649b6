package io.seatline.engine.catalog;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts in minor units as people read them: {@code EUR 90.00}, {@code JPY 500}. Never a floating point. */
public final class Money {

	private Money() {
	}

	/** The amount with its currency code and the currency's decimals, such as {@code EUR 90.00}. */
	public static String format(long minorUnits, String currency) {
		return currency + " " + BigDecimal.valueOf(minorUnits, digits(currency)).toPlainString();
	}

	/**
	 * Reads an amount typed in major units ({@code 45}, {@code 45.5}, {@code 45.50}) as minor units of the currency;
	 * {@code IllegalArgumentException} for text that is no such amount or has more decimals than the currency.
	 */
	public static long minorUnits(String amount, String currency) {
		try {
			return new BigDecimal(amount.strip()).movePointRight(digits(currency)).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw new IllegalArgumentException("'" + amount + "' is no amount of " + currency + " (at most "
					+ digits(currency) + " decimals)");
		}
	}

	private static int digits(String currency) {
		return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
	}
}
