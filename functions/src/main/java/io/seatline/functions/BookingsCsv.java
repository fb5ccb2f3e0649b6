package io.seatline.functions;

import java.io.Writer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.seatline.engine.AllOrNothing;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.export.BookingExport;

/**
 * {@code exportBookings} streamed, for hosts that write the CSV somewhere (the runner's {@code GET /admin/export.csv},
 * the shell's {@code export --file}): the same CSV, written as the rows are read in one read-only transaction on the
 * read path, never held whole. The caller is the admin of the bearer token, refused as the function refuses it.
 * The function itself returns the CSV as one value, as a function must.
 */
public class BookingsCsv {

	private final BookingExport export;

	private final Sessions sessions;

	private final AllOrNothing allOrNothing;

	BookingsCsv(BookingExport export, Sessions sessions, AllOrNothing allOrNothing) {
		this.export = export;
		this.sessions = sessions;
		this.allOrNothing = allOrNothing;
	}

	/** How many bookings {@link #write} would write: a progress bar's total. */
	public long count(String token, String eventId) {
		return read(() -> this.export.count(this.sessions.authenticate(token).requireAdmin(), Fields.optional(eventId)));
	}

	/**
	 * Writes the CSV of every booking, or of one event's, to {@code out} as it is read; {@code progress} hears the
	 * count of bookings written after each one. Returns the number written. Refusals come before the first byte.
	 */
	public long write(String token, String eventId, Writer out, LongConsumer progress) {
		return write(token, eventId, false, out, progress);
	}

	/** {@link #write(String, String, Writer, LongConsumer)}, with the price columns when {@code prices} is true. */
	public long write(String token, String eventId, boolean prices, Writer out, LongConsumer progress) {
		return read(() -> this.export.write(this.sessions.authenticate(token).requireAdmin(), Fields.optional(eventId),
				prices, out, progress));
	}

	private <T> T read(Supplier<T> work) {
		try {
			return this.allOrNothing.read(work);
		}
		catch (RuntimeException ex) {
			throw FunctionInvoker.unwrap(ex);
		}
	}
}
