package io.seatline.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import io.seatline.engine.error.InvalidRequest;

/**
 * The audit log, for admins: who did what and when, with the state before and after, of an event, a booking or a
 * user; as a table, or as CSV to a file or the output. The functions refuse it to other users ({@code FORBIDDEN}).
 */
@Component
class AuditCommands {

	// a reference is 8 characters (ids are 13), read out with spaces or dashes at times
	private static final int REFERENCE_LENGTH = 8;

	private final Functions functions;

	AuditCommands(Functions functions) {
		this.functions = functions;
	}

	@Command(name = "audit", group = "Admin",
			description = "The audit log: audit [--event E] [--booking REF_OR_ID] [--user U] [--limit N] [--csv] [--file out.csv]",
			help = "audit [--event E] [--booking REFERENCE_OR_ID] [--user U] [--limit N]: who did what and when, newest first"
					+ " (100 entries unless --limit, at most 1000), with the state before and after; --csv writes the CSV to the"
					+ " output, --file FILE to FILE (every matching entry unless --limit)",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.AUDIT)
	String audit(@Option(longName = "event", description = "one event's id or exact name") String event,
			@Option(longName = "booking", description = "one booking's reference or id") String booking,
			@Option(longName = "user", description = "who acted, or whose account or booking it was") String user,
			@Option(longName = "limit", description = "at most this many entries") Integer limit,
			@Option(longName = "csv", description = "write the CSV to the output") boolean csv,
			@Option(longName = "file", description = "the CSV file to write") String file, CommandContext context) {
		var compact = (booking == null) ? "" : booking.replaceAll("[\\s-]", "");
		var bookingField = (compact.length() == REFERENCE_LENGTH) ? "reference" : "bookingId";
		var query = new Object[] { "eventId", this.functions.eventId(event), bookingField, booking, "username", user, "limit", limit };
		if (file != null && !file.isBlank()) {
			var text = this.functions.text("exportAuditLog", query);
			var path = Path.of(file);
			try {
				Files.writeString(path, text, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new InvalidRequest("file", "Cannot write " + path + " (" + ex.getClass().getSimpleName() + ")");
			}
			return "Wrote " + (CsvText.records(text) - 1) + " audit entries to " + path;
		}
		if (csv) {
			context.outputWriter().print(this.functions.text("exportAuditLog", query));
			return null;
		}
		JsonNode entries = this.functions.call("auditLog", query);
		if (entries.isEmpty()) {
			return "No audit entries found";
		}
		var rows = new ArrayList<List<String>>();
		for (var entry : entries) {
			rows.add(List.of(Texts.instant(entry.path("at")), Texts.string(entry.path("actor")),
					Texts.string(entry.path("action")), Texts.string(entry.path("reference")),
					Texts.string(entry.path("username")), Texts.string(entry.path("summary")),
					state(entry.path("before")) + " -> " + state(entry.path("after"))));
		}
		return Texts.table(List.of("WHEN", "WHO", "WHAT", "BOOKING", "ACCOUNT", "SUMMARY", "BEFORE -> AFTER"), rows);
	}

	// a state as compact JSON, or a dash where there is none
	private static String state(JsonNode state) {
		return (state == null || state.isMissingNode() || state.isNull()) ? "-" : state.toString();
	}
}
