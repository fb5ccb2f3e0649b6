package io.seatline.shell;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;
import tools.jackson.databind.JsonNode;

/**
 * How the commands show values: instants in UTC to the minute, an event's start in its venue's zone, lists, and
 * tables with a header row.
 */
final class Texts {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	// wide enough that a table in a pipe or a file is never wrapped
	private static final int TABLE_WIDTH = 200;

	private Texts() {
	}

	/** An instant of the functions' output ({@code 2026-12-24T18:30:00Z}) as {@code 2026-12-24 18:30 UTC}. */
	static String instant(JsonNode value) {
		var text = string(value);
		return text.isEmpty() ? "" : MINUTES.format(Instant.parse(text));
	}

	/**
	 * An event's start as its venue's clocks show it, with the zone: {@code 2031-05-01 20:00 Europe/Berlin} from the
	 * event's {@code localStartsAt} and {@code timeZone} (an event without them: its UTC {@code startsAt}).
	 */
	static String start(JsonNode event) {
		var local = string(event.path("localStartsAt"));
		var zone = string(event.path("timeZone"));
		if (local.isEmpty() || zone.isEmpty()) {
			return instant(event.path("startsAt"));
		}
		return LOCAL_MINUTES.format(OffsetDateTime.parse(local)) + " " + zone;
	}

	/** A text field, or an empty string where it is missing or null. */
	static String string(JsonNode value) {
		return (value == null || value.isMissingNode() || value.isNull()) ? "" : value.asString();
	}

	/** The items of a JSON array of text, joined with spaces. */
	static String words(JsonNode array) {
		var words = new ArrayList<String>();
		for (var item : array) {
			words.add(item.asString());
		}
		return String.join(" ", words);
	}

	/** Seat labels typed after a command, separated by spaces or commas, in upper case as the seat map has them. */
	static List<String> seatLabels(List<String> words) {
		var seats = new ArrayList<String>();
		for (var word : words) {
			for (var seat : word.split(",")) {
				if (!seat.isBlank()) {
					// seat labels are upper case (A1, AA12); typing a1 means the same seat
					seats.add(seat.strip().toUpperCase(Locale.ROOT));
				}
			}
		}
		return seats;
	}

	/** A table with a header row and borders; {@code rows} holds the rows under the header. */
	static String table(List<String> header, List<List<String>> rows) {
		var data = new Object[rows.size() + 1][];
		data[0] = header.toArray();
		for (int i = 0; i < rows.size(); i++) {
			data[i + 1] = rows.get(i).toArray();
		}
		var table = new TableBuilder(new ArrayTableModel(data)).addHeaderAndVerticalsBorders(BorderStyle.oldschool)
			.build()
			.render(TABLE_WIDTH);
		return table.stripTrailing();
	}
}
