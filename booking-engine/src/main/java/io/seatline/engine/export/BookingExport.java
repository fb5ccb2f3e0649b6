package io.seatline.engine.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.account.User;
import io.seatline.engine.catalog.EventCatalog;

/**
 * Writes bookings as CSV with the contract's header {@code booking_id,username,event,event_date,seats,booked_at,status}
 * (exactly: clients may check it): one line per booking, oldest first, its seats space-separated in one cell, instants
 * in ISO-8601 UTC. Asked for prices, two columns follow: {@code currency,amount} (minor units, what the booking cost
 * when it was made).
 */
@Service
public class BookingExport {

	/** The contract's header, in order. */
	public static final List<String> HEADER = List.of("booking_id", "username", "event", "event_date", "seats",
			"booked_at", "status");

	/** The header with prices: the contract's, then the price columns. */
	public static final List<String> HEADER_WITH_PRICES = List.of("booking_id", "username", "event", "event_date",
			"seats", "booked_at", "status", "currency", "amount");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader(HEADER.toArray(String[]::new))
		.get();

	private static final CSVFormat FORMAT_WITH_PRICES = CSVFormat.RFC4180.builder()
		.setHeader(HEADER_WITH_PRICES.toArray(String[]::new))
		.get();

	// one row per booked seat, a booking's rows together and its seats in seat-map order
	private static final String QUERY = """
			select b.id, a.username, e.name, e.starts_at, s.label, b.created_at, b.status, b.currency, b.amount
			from bookings b
			join accounts a on a.id = b.account_id
			join events e on e.id = b.event_id
			join booking_seats s on s.booking_id = b.id
			%s
			order by b.created_at, b.id, s.position""";

	/** Rows the driver fetches at a time: a large export is read as it is written, never held whole. */
	static final int FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	private final EventCatalog catalog;

	BookingExport(JdbcTemplate jdbc, EventCatalog catalog) {
		// a template of its own: the fetch size is the export's, not every query's (PostgreSQL reads with a cursor
		// in the read-only transaction; SQLite steps through the result as it is read whatever the size)
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setExceptionTranslator(jdbc.getExceptionTranslator());
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.catalog = catalog;
	}

	/**
	 * How many bookings {@link #write} writes (of one event, or of all): one count, cheap beside the export, for a
	 * progress bar's total ({@code NOT_FOUND} for an unknown event).
	 */
	@Transactional(readOnly = true)
	public long count(User user, String eventId) {
		user.requireAdmin();
		if (eventId == null) {
			return this.jdbc.queryForObject("select count(*) from bookings", Long.class);
		}
		this.catalog.event(eventId);
		return this.jdbc.queryForObject("select count(*) from bookings where event_id = ?", Long.class, eventId);
	}

	/**
	 * The CSV as one string, for callers that want a value (the {@code exportBookings} function, which returns one):
	 * held whole in memory. Hosts that write to a file or a response use {@link #write} instead.
	 */
	@Transactional(readOnly = true)
	public String export(User user, String eventId) {
		return export(user, eventId, false);
	}

	/** {@link #export(User, String)}, with the price columns when {@code prices} is true. */
	@Transactional(readOnly = true)
	public String export(User user, String eventId, boolean prices) {
		var out = new StringWriter();
		write(user, eventId, prices, out, (rows) -> {
		});
		return out.toString();
	}

	/**
	 * Streams the CSV of every booking, or of one event's ({@code NOT_FOUND} if unknown), to {@code out} as the rows
	 * are read, in one read-only transaction; calls {@code progress} with the count of bookings written so far after
	 * each booking, from the first (with 0 once when there is none). Returns the number of bookings written.
	 */
	@Transactional(readOnly = true)
	public long write(User user, String eventId, Writer out, LongConsumer progress) {
		return write(user, eventId, false, out, progress);
	}

	/** {@link #write(User, String, Writer, LongConsumer)}, with the price columns when {@code prices} is true. */
	@Transactional(readOnly = true)
	public long write(User user, String eventId, boolean prices, Writer out, LongConsumer progress) {
		// the query is one of two fixed texts: no caller text is ever formatted into it
		user.requireAdmin();
		if (eventId != null) {
			this.catalog.event(eventId);
		}
		try {
			var printer = new CSVPrinter(out, prices ? FORMAT_WITH_PRICES : FORMAT);
			var rows = new BookingRows(printer, progress, prices);
			if (eventId != null) {
				this.jdbc.query(QUERY.formatted("where b.event_id = ?"), rows, eventId);
			}
			else {
				this.jdbc.query(QUERY.formatted(""), rows);
			}
			rows.finish();
			printer.flush();
			return rows.written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell that a spreadsheet cannot take for a formula (OWASP ASVS 5.0 1.2.10): text starting with {@code =},
	 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}. Names of events and users
	 * are chosen by people, so any cell may start so.
	 */
	public static String inert(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		return switch (cell.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
			default -> cell;
		};
	}

	/** Folds the per-seat rows of each booking into one CSV record. */
	private static final class BookingRows implements RowCallbackHandler {

		private final CSVPrinter printer;

		private final LongConsumer progress;

		private final boolean prices;

		private final List<String> seats = new ArrayList<>();

		private Object[] current;

		private long written;

		BookingRows(CSVPrinter printer, LongConsumer progress, boolean prices) {
			this.printer = printer;
			this.progress = progress;
			this.prices = prices;
		}

		@Override
		public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
			var bookingId = rs.getString(1);
			if (this.current != null && !this.current[0].equals(bookingId)) {
				flush();
			}
			if (this.current == null) {
				this.current = this.prices ? new Object[] { bookingId, rs.getString(2), rs.getString(3),
						Instant.ofEpochMilli(rs.getLong(4)).toString(), null,
						Instant.ofEpochMilli(rs.getLong(6)).toString(), rs.getString(7), rs.getString(8),
						Long.toString(rs.getLong(9)) } : new Object[] { bookingId, rs.getString(2), rs.getString(3),
								Instant.ofEpochMilli(rs.getLong(4)).toString(), null,
								Instant.ofEpochMilli(rs.getLong(6)).toString(), rs.getString(7) };
			}
			this.seats.add(rs.getString(5));
		}

		void finish() {
			if (this.current != null) {
				flush();
			}
			else if (this.written == 0) {
				// nothing to write: say so once
				this.progress.accept(0);
			}
		}

		private void flush() {
			this.current[4] = String.join(" ", this.seats);
			for (int i = 0; i < this.current.length; i++) {
				this.current[i] = inert((String) this.current[i]);
			}
			try {
				this.printer.printRecord(this.current);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.current = null;
			this.seats.clear();
			this.written++;
			this.progress.accept(this.written);
		}
	}
}
