package io.seatline.engine.catalog;

import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.seatline.engine.error.InvalidRequest;

/**
 * What an event's seats cost: one currency (an ISO 4217 code such as {@code EUR}; null: the event's, or the
 * configured {@code seatline.booking.currency}) and a price per category name, in the currency's minor units (cents
 * for EUR), never negative. A category not named keeps its price (0, free, for a new event).
 */
public record Prices(String currency, Map<String, Long> byCategory) {

	/** The most a seat may cost, in minor units: far above any ticket, far below overflow when summed. */
	public static final long MAX_PRICE = 100_000_000_00L;

	public Prices {
		currency = (currency == null || currency.isBlank()) ? null : currencyCode(currency);
		var checked = new LinkedHashMap<String, Long>();
		if (byCategory != null) {
			for (var price : byCategory.entrySet()) {
				var name = Names.required("prices", price.getKey(), 40);
				if (price.getValue() == null || price.getValue() < 0 || price.getValue() > MAX_PRICE) {
					throw new InvalidRequest("prices", "The price of category '" + name + "' must be from 0 to "
							+ MAX_PRICE + " in minor units (cents), not " + price.getValue());
				}
				if (checked.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
					throw new InvalidRequest("prices", "The category '" + name + "' is priced twice");
				}
				checked.put(name, price.getValue());
			}
		}
		byCategory = Collections.unmodifiableMap(checked);
	}

	/** True when nothing is given: neither a currency nor a price. */
	boolean isEmpty() {
		return this.currency == null && this.byCategory.isEmpty();
	}

	/** The price given for a category, matched in any case; null when not given. */
	Long priceOf(String category) {
		return this.byCategory.entrySet()
			.stream()
			.filter((price) -> price.getKey().equalsIgnoreCase(category))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/** An ISO 4217 code in upper case; {@code INVALID_REQUEST} for anything else. */
	public static String currencyCode(String code) {
		var upper = code.strip().toUpperCase(Locale.ROOT);
		try {
			if (upper.length() == 3 && Currency.getInstance(upper).getCurrencyCode().equals(upper)) {
				return upper;
			}
		}
		catch (IllegalArgumentException ex) {
			// not a code: refused below
		}
		throw new InvalidRequest("currency", "currency must be an ISO 4217 code such as EUR or USD, not '" + code + "'");
	}
}
