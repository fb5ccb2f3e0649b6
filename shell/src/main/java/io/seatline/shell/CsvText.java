package io.seatline.shell;

/** Facts about CSV text (RFC 4180) that the export needs without parsing it. */
final class CsvText {

	private CsvText() {
	}

	/** The number of records, the header included; a line break inside a quoted field does not end a record. */
	static long records(String csv) {
		long records = 0;
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (c == '"') {
				// an escaped quote ("") toggles twice: no change
				quoted = !quoted;
			}
			else if (c == '\n' && !quoted) {
				records++;
			}
		}
		if (!csv.isEmpty() && csv.charAt(csv.length() - 1) != '\n') {
			records++;
		}
		return records;
	}
}
