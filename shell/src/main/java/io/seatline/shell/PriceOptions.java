package io.seatline.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.seatline.engine.catalog.Money;
import io.seatline.engine.catalog.Prices;
import io.seatline.engine.error.InvalidRequest;

/**
 * Reads the price options of {@code venue create} and {@code event create|update} into the functions' JSON:
 * {@code --categories "Premium #d4af37 rows A-C; Box #3366cc seats A1 A2 B5"} (each category a name, a colour, then
 * {@code rows} ranges and/or {@code seats} labels, or neither for the default of the other seats) and
 * {@code --prices "Premium=45.00, Box=60, Standard=20.50"} (amounts in the currency's units, as people write them,
 * sent in minor units: cents for EUR). The functions check the rest.
 */
final class PriceOptions {

	private PriceOptions() {
	}

	/** The categories of {@code --categories}, as {@code createVenue} takes them; null for none. */
	static List<Map<String, Object>> categories(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		var categories = new ArrayList<Map<String, Object>>();
		for (var part : text.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			var words = Arrays.asList(part.strip().split("\\s+"));
			int colour = 0;
			while (colour < words.size() && !words.get(colour).startsWith("#")) {
				colour++;
			}
			if (colour == 0 || colour == words.size()) {
				throw new InvalidRequest("categories", "A category is NAME #rrggbb [rows A-C] [seats A1 A2], not '"
						+ part.strip() + "'");
			}
			var category = new LinkedHashMap<String, Object>();
			category.put("name", String.join(" ", words.subList(0, colour)));
			category.put("colour", words.get(colour));
			String kind = null;
			var rows = new ArrayList<String>();
			var seats = new ArrayList<String>();
			for (var word : words.subList(colour + 1, words.size())) {
				if (word.equalsIgnoreCase("rows") || word.equalsIgnoreCase("seats")) {
					kind = word.toLowerCase(Locale.ROOT);
				}
				else if ("rows".equals(kind)) {
					rows.add(word);
				}
				else if ("seats".equals(kind)) {
					seats.add(word);
				}
				else {
					throw new InvalidRequest("categories", "After the colour of '" + category.get("name")
							+ "' come rows A-C or seats A1 A2, not '" + word + "'");
				}
			}
			if (!rows.isEmpty()) {
				category.put("rows", String.join(" ", rows));
			}
			if (!seats.isEmpty()) {
				category.put("seats", seats);
			}
			categories.add(category);
		}
		return categories;
	}

	/** The prices of {@code --prices} in minor units of the currency, by category; null for none. */
	static Map<String, Long> prices(String text, String currency) {
		if (text == null || text.isBlank()) {
			return null;
		}
		var code = Prices.currencyCode(currency);
		var prices = new LinkedHashMap<String, Long>();
		for (var part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			int equals = part.lastIndexOf('=');
			if (equals <= 0) {
				throw new InvalidRequest("prices", "A price is CATEGORY=AMOUNT, such as Premium=45.00, not '"
						+ part.strip() + "'");
			}
			try {
				prices.put(part.substring(0, equals).strip(), Money.minorUnits(part.substring(equals + 1), code));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidRequest("prices", ex.getMessage());
			}
		}
		return prices;
	}
}
