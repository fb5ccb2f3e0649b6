package io.seatline.engine.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import io.seatline.engine.error.InvalidRequest;

/**
 * The price category of every seat of a venue, resolved from its declared categories: each seat belongs to the one
 * category whose rows or seats name it, or else to the default (the declared one that names neither, or
 * {@link PriceCategory#STANDARD}). A seat named by two categories, a seat or row the venue does not have, two
 * categories of one name or two defaults are {@code INVALID_REQUEST}.
 *
 * @param categories the categories that have seats, in the order declared (the default where it was declared, or last)
 * @param seatCategory for each seat in seat-map order, the index of its category in {@code categories}
 */
record SeatCategories(List<PriceCategory> categories, int[] seatCategory) {

	static SeatCategories resolve(Integer rows, Integer seatsPerRow, List<String> labels, List<PriceCategory> declared) {
		if (declared.size() > PriceCategory.MAX_CATEGORIES) {
			throw new InvalidRequest("categories", "A venue has at most " + PriceCategory.MAX_CATEGORIES
					+ " price categories");
		}
		var all = new ArrayList<>(declared);
		var names = new HashSet<String>();
		int defaults = 0;
		for (var category : declared) {
			if (!names.add(category.name().toLowerCase(Locale.ROOT))) {
				throw new InvalidRequest("categories", "Two categories are named '" + category.name() + "'");
			}
			if (category.isDefault() && ++defaults > 1) {
				throw new InvalidRequest("categories", "Only one category may name neither rows nor seats (the "
						+ "default for the other seats); give the others rows or seats");
			}
		}
		if (defaults == 0) {
			if (names.contains(PriceCategory.STANDARD.name().toLowerCase(Locale.ROOT))) {
				throw new InvalidRequest("categories", "A category named '" + PriceCategory.STANDARD.name()
						+ "' names seats, so the seats of no category need a default: add one naming neither rows "
						+ "nor seats");
			}
			all.add(PriceCategory.STANDARD);
		}
		int defaultIndex = 0;
		while (!all.get(defaultIndex).isDefault()) {
			defaultIndex++;
		}
		var seatCategory = new int[labels.size()];
		Arrays.fill(seatCategory, -1);
		var indexOfLabel = new HashMap<String, Integer>();
		for (int i = 0; i < labels.size(); i++) {
			indexOfLabel.put(labels.get(i), i);
		}
		for (int c = 0; c < all.size(); c++) {
			var category = all.get(c);
			if (category.rows() != null) {
				if (rows == null) {
					throw new InvalidRequest("rows", "The venue has numbered seats, no rows: give category '"
							+ category.name() + "' seats instead");
				}
				for (int row : category.rowIndexes(rows)) {
					for (int seat = row * seatsPerRow; seat < (row + 1) * seatsPerRow; seat++) {
						assign(seatCategory, seat, c, all, labels);
					}
				}
			}
			for (var label : category.seats()) {
				var seat = indexOfLabel.get(label);
				if (seat == null) {
					throw new InvalidRequest("seats", "The venue has no seat '" + label + "' (category '"
							+ category.name() + "')", List.of(label));
				}
				assign(seatCategory, seat, c, all, labels);
			}
		}
		var seatsOf = new int[all.size()];
		for (int seat = 0; seat < seatCategory.length; seat++) {
			if (seatCategory[seat] < 0) {
				seatCategory[seat] = defaultIndex;
			}
			seatsOf[seatCategory[seat]]++;
		}
		// a default left without seats is no category of the venue's events
		if (seatsOf[defaultIndex] == 0) {
			all.remove(defaultIndex);
			for (int seat = 0; seat < seatCategory.length; seat++) {
				if (seatCategory[seat] > defaultIndex) {
					seatCategory[seat]--;
				}
			}
		}
		return new SeatCategories(List.copyOf(all), seatCategory);
	}

	private static void assign(int[] seatCategory, int seat, int category, List<PriceCategory> all,
			List<String> labels) {
		if (seatCategory[seat] >= 0 && seatCategory[seat] != category) {
			throw new InvalidRequest("categories", "The seat " + labels.get(seat) + " is in two categories: '"
					+ all.get(seatCategory[seat]).name() + "' and '" + all.get(category).name() + "'",
					List.of(labels.get(seat)));
		}
		if (seatCategory[seat] == category) {
			throw new InvalidRequest("categories", "Category '" + all.get(category).name() + "' names the seat "
					+ labels.get(seat) + " twice", List.of(labels.get(seat)));
		}
		seatCategory[seat] = category;
	}
}
