package io.seatline.engine.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.export.BookingExport;

/**
 * Reads the audit log, for admins ({@code FORBIDDEN} otherwise): the entries of an event, a booking or a user, newest
 * first, as values or as CSV. {@code NOT_FOUND} for an unknown event or booking; an unknown username matches nothing.
 * Read-only transactions: on SQLite they run on the read-only connections, never waiting for the writer.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	/** The most entries one read answers. */
	public static final int MAX_LIMIT = 1000;

	/** The entries one read answers when no limit is given. */
	public static final int DEFAULT_LIMIT = 100;

	/** The CSV's header, in order. */
	public static final List<String> HEADER = List.of("at", "actor", "action", "event_id", "booking_id", "reference",
			"username", "summary", "before", "after");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader(HEADER.toArray(String[]::new))
		.get();

	private final JdbcTemplate jdbc;

	private final EventCatalog catalog;

	AuditTrail(JdbcTemplate jdbc, EventCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** The entries that match the query, newest first, at most its limit. */
	public List<AuditEntry> entries(User user, AuditQuery query) {
		var entries = new ArrayList<AuditEntry>();
		read(user, query, (query.limit() != null) ? query.limit() : DEFAULT_LIMIT,
				(row) -> entries.add(entry(row)));
		return entries;
	}

	/** The CSV as one string, for callers that want a value (the {@code exportAuditLog} function). */
	public String export(User user, AuditQuery query) {
		var out = new StringWriter();
		write(user, query, out);
		return out.toString();
	}

	/**
	 * Streams the entries that match the query as CSV to {@code out}, newest first: every one of them, or at most the
	 * query's limit when it has one. Instants in ISO-8601 UTC; cells a spreadsheet could take for a formula are made
	 * inert as in the bookings' export. Returns the number of entries written.
	 */
	public long write(User user, AuditQuery query, Writer out) {
		try {
			var printer = new CSVPrinter(out, FORMAT);
			var written = new long[1];
			read(user, query, (query.limit() != null) ? query.limit() : null, (row) -> {
				var entry = entry(row);
				try {
					printer.printRecord(entry.at().toString(), entry.actor(), entry.action(), entry.eventId(),
							entry.bookingId(), entry.reference(), BookingExport.inert(entry.username()),
							BookingExport.inert(entry.summary()), entry.before(), entry.after());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				written[0]++;
			});
			printer.flush();
			return written[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void read(User user, AuditQuery query, Integer limit, RowCallbackHandler rows) {
		user.requireAdmin();
		var where = new ArrayList<String>();
		var arguments = new ArrayList<Object>();
		if (query.eventId() != null) {
			this.catalog.event(query.eventId());
			where.add("event_id = ?");
			arguments.add(query.eventId());
		}
		if (query.bookingId() != null || query.reference() != null) {
			where.add("booking_id = ?");
			arguments.add(bookingId(query));
		}
		if (query.username() != null) {
			where.add("(lower(actor) = ? or lower(username) = ?)");
			arguments.add(query.username());
			arguments.add(query.username());
		}
		if (limit != null) {
			arguments.add(limit);
		}
		// the conditions are fixed texts; only the values come from the caller, as parameters
		this.jdbc.query("""
				select at, actor, action, event_id, booking_id, reference, username, summary, before_state, after_state
				from audit_entries
				%s
				order by at desc, id desc
				%s""".formatted(where.isEmpty() ? "" : "where " + String.join(" and ", where),
				(limit != null) ? "limit ?" : ""), rows, arguments.toArray());
	}

	// the booking's id, from its id or its reference; NOT_FOUND when no booking has it
	private String bookingId(AuditQuery query) {
		var found = (query.bookingId() != null)
				? this.jdbc.queryForList("select id from bookings where id = ?", String.class, query.bookingId())
				: this.jdbc.queryForList("select id from bookings where reference = ?", String.class,
						query.reference());
		if (found.isEmpty()) {
			throw new NotFound((query.bookingId() != null) ? "No booking has the id " + query.bookingId()
					: "No booking has the reference " + query.reference());
		}
		return found.get(0);
	}

	private static AuditEntry entry(ResultSet row) throws SQLException {
		return new AuditEntry(Instant.ofEpochMilli(row.getLong(1)), row.getString(2), row.getString(3),
				row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
				row.getString(9), row.getString(10));
	}
}
