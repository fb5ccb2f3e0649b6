package io.seatline.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.seatline.engine.error.InvalidRequest;

/**
 * The admin's commands: venues, events, the dashboard and the CSV export. The functions refuse them to other users
 * ({@code FORBIDDEN}); the shell does not check roles itself.
 */
@Component
class AdminCommands {

	private final Functions functions;

	private final long largeExport;

	/**
	 * @param largeExport an export of at least this many bookings shows a progress bar while it is written
	 */
	AdminCommands(Functions functions, @Value("${seatline.shell.export.progress-from:1000}") long largeExport) {
		this.functions = functions;
		this.largeExport = largeExport;
	}

	@Command(name = "venue create", group = "Admin",
			description = "Create a venue: venue create --name NAME (--rows R --seats-per-row S | --capacity N) [--time-zone ZONE]"
					+ " [--categories \"Premium #d4af37 rows A-C; Box #3366cc seats D1 D2\"]",
			help = "venue create --name NAME (--rows R --seats-per-row S | --capacity N) [--time-zone ZONE] [--categories"
					+ " CATEGORIES]: --rows and --seats-per-row give seats A1..; --capacity N alone gives seats 1..N;"
					+ " --time-zone Europe/Berlin is where its events take place (default: seatline.default-time-zone);"
					+ " --categories are price categories separated by ';', each NAME #rrggbb then rows A-C (ranges, comma"
					+ " separated) and/or seats A1 A2 (labels); seats of no category are Standard, or in the one category"
					+ " that names neither rows nor seats",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String createVenue(@Option(longName = "name", description = "the venue's name", required = true) String name,
			@Option(longName = "rows", description = "rows of seats, lettered A, B, ...") Integer rows,
			@Option(longName = "seats-per-row", description = "seats in each row") Integer seatsPerRow,
			@Option(longName = "capacity", description = "seats numbered 1..N, without rows") Integer capacity,
			@Option(longName = "time-zone", description = "the venue's time zone, such as Europe/Berlin") String timeZone,
			@Option(longName = "categories",
					description = "price categories: \"Premium #d4af37 rows A-C; Box #3366cc seats D1 D2\"") String categories,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		requireSeats(rows, seatsPerRow, capacity);
		var venue = this.functions.callOnce(key, "createVenue", "name", name, "rows", rows, "seatsPerRow", seatsPerRow,
				"capacity", capacity, "timeZone", timeZone, "categories", PriceOptions.categories(categories));
		return "Created venue " + Texts.string(venue.path("name")) + " (" + Texts.string(venue.path("venueId"))
				+ ") with " + venue.path("capacity").asInt() + " seats in " + Texts.string(venue.path("timeZone"));
	}

	// the functions' own checks, said with the options (the functions say rows and seatsPerRow)
	private static void requireSeats(Integer rows, Integer seatsPerRow, Integer capacity) {
		if (capacity == null && rows == null && seatsPerRow == null) {
			throw new InvalidRequest("capacity", "Give --rows and --seats-per-row, or --capacity");
		}
		if (capacity != null && (rows != null || seatsPerRow != null)) {
			throw new InvalidRequest("capacity", "Give --rows and --seats-per-row, or --capacity, not both");
		}
		if ((rows == null) != (seatsPerRow == null)) {
			throw (rows == null) ? new InvalidRequest("seatsPerRow", "--seats-per-row goes with --rows")
					: new InvalidRequest("rows", "--rows goes with --seats-per-row");
		}
	}

	@Command(name = "venues", group = "Admin", description = "Every venue, by name",
			help = "venues: every venue with its id (for event create), its number of seats and its time zone",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String venues() {
		var venues = this.functions.call("listVenues");
		if (venues.isEmpty()) {
			return "No venues yet. Create one with: venue create";
		}
		var rows = new ArrayList<List<String>>();
		for (var venue : venues) {
			rows.add(List.of(Texts.string(venue.path("venueId")), Texts.string(venue.path("name")),
					Integer.toString(venue.path("capacity").asInt()), Texts.string(venue.path("timeZone"))));
		}
		return Texts.table(List.of("ID", "VENUE", "SEATS", "TIME ZONE"), rows);
	}

	@Command(name = "event create", group = "Admin",
			description = "Put an event on sale: event create --venue VENUE --name NAME --starts-at 2026-12-24T19:30:00+01:00",
			help = "event create --venue VENUE_ID_OR_NAME --name NAME --starts-at ISO-8601-WITH-OFFSET [--description TEXT]"
					+ " [--max-seats-per-account N] [--currency EUR --prices \"Premium=45.00, Standard=20\"]: puts the"
					+ " event on sale with every seat of the venue; --prices gives each of the venue's price categories"
					+ " its price in --currency (an ISO 4217 code; amounts as written, 45.00 is 45 euros); without"
					+ " --prices every seat is free",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.VENUE_OPTION)
	String createEvent(@Option(longName = "venue", description = "the venue's id or exact name (see: venues)", required = true) String venue,
			@Option(longName = "name", description = "the event's name", required = true) String name,
			@Option(longName = "starts-at", description = "ISO-8601 with an offset, 2026-12-24T19:30:00+01:00",
					required = true) String startsAt,
			@Option(longName = "description", description = "a few words about it") String description,
			@Option(longName = "max-seats-per-account",
					description = "the most seats of the event one account may hold (default 10)") Integer maxSeats,
			@Option(longName = "currency", description = "the ISO 4217 code of --prices, such as EUR") String currency,
			@Option(longName = "prices",
					description = "a price per category in --currency: \"Premium=45.00, Standard=20\"") String prices,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		if (prices != null && !prices.isBlank() && (currency == null || currency.isBlank())) {
			throw new InvalidRequest("currency", "--prices goes with --currency, the code its amounts are in (EUR)");
		}
		var event = this.functions.callOnce(key, "createEvent", "venueId", this.functions.venueId(venue), "name", name,
				"startsAt", startsAt, "description", description, "maxSeatsPerAccount", maxSeats, "currency", currency,
				"prices", PriceOptions.prices(prices, currency));
		return "Created event " + Texts.string(event.path("name")) + " (" + Texts.string(event.path("eventId"))
				+ ") on " + Texts.start(event) + " with " + event.path("totalSeats").asInt()
				+ " seats";
	}

	@Command(name = "event update", group = "Admin",
			description = "Edit an event: event update EVENT [--name NAME] [--description TEXT] [--starts-at ISO] [--prices P]",
			help = "event update EVENT [--name NAME] [--description TEXT] [--starts-at ISO-8601-WITH-OFFSET] [--prices"
					+ " \"Premium=50\"] [--currency CODE]: changes what is given; a new start time emails every booker;"
					+ " new prices are paid by bookings from now on (amounts in --currency, else in the event's)",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.SCHEDULED_EVENT)
	String updateEvent(@Argument(index = 0, description = "the event's id or exact name") String event,
			@Option(longName = "name", description = "the event's new name") String name,
			@Option(longName = "description", description = "the new description (\"\" removes it)") String description,
			@Option(longName = "starts-at", description = "the new start, ISO-8601 with an offset") String startsAt,
			@Option(longName = "currency", description = "a new ISO 4217 code, before any booking") String currency,
			@Option(longName = "prices", description = "new prices per category: \"Premium=50, Standard=25\"") String prices,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var eventId = this.functions.eventId(event);
		var code = currency;
		if (prices != null && !prices.isBlank() && (code == null || code.isBlank())) {
			// amounts are written in the event's currency
			code = this.functions.call("eventSeats", "eventId", eventId).path("currency").asString();
		}
		var updated = this.functions.callOnce(key, "updateEvent", "eventId", eventId, "name", name, "description",
				description, "startsAt", startsAt, "currency", currency, "prices", PriceOptions.prices(prices, code));
		return "Updated event " + Texts.string(updated.path("name")) + " (" + Texts.string(updated.path("eventId"))
				+ ") on " + Texts.start(updated);
	}

	@Command(name = "event cancel", group = "Admin",
			description = "Call an event off: event cancel EVENT [--reason TEXT]",
			help = "event cancel EVENT [--reason TEXT]: cancels every confirmed booking of the event, frees its seats and"
					+ " emails each booker (with the reason); the event stays listed as cancelled",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.SCHEDULED_EVENT)
	String cancelEvent(@Argument(index = 0, description = "the event's id or exact name") String event,
			@Option(longName = "reason", description = "why, for the bookers' emails") String reason,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var cancelled = this.functions.callOnce(key, "cancelEvent", "eventId", this.functions.eventId(event), "reason", reason);
		return "Event " + Texts.string(cancelled.path("eventId")) + " is CANCELLED; "
				+ cancelled.path("bookingsCancelled").asInt() + " booking(s) cancelled";
	}

	@Command(name = "dashboard", group = "Admin", description = "Seats and bookings, over all events or one: dashboard [--event EVENT]",
			help = "dashboard [--event EVENT]: booked and free seats and bookings of each event, and in all",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.EVENT_OPTION)
	String dashboard(@Option(longName = "event", description = "one event's id or exact name") String event) {
		var figures = this.functions.call("dashboard", "eventId", this.functions.eventId(event));
		var rows = new ArrayList<List<String>>();
		for (var line : figures.path("events")) {
			rows.add(List.of(Texts.string(line.path("eventId")), Texts.string(line.path("name")),
					Texts.string(line.path("venueName")), Texts.start(line),
					Integer.toString(line.path("bookedSeats").asInt()),
					Integer.toString(line.path("availableSeats").asInt()),
					Integer.toString(line.path("totalSeats").asInt()), Long.toString(line.path("bookings").asLong()),
					Texts.money(line.path("revenue").asLong(), line.path("currency"))));
		}
		rows.add(List.of("", "All", "", "", Integer.toString(figures.path("bookedSeats").asInt()),
				Integer.toString(figures.path("availableSeats").asInt()),
				Integer.toString(figures.path("totalSeats").asInt()), Long.toString(figures.path("bookings").asLong()),
				""));
		return Texts.table(List.of("ID", "EVENT", "VENUE", "STARTS", "BOOKED", "FREE", "SEATS", "BOOKINGS", "REVENUE"),
				rows);
	}

	@Command(name = "export", group = "Admin", description = "The bookings as CSV: export [--event EVENT] --file out.csv",
			help = "export [--event EVENT] --file FILE: writes the CSV to FILE as it is read, with a progress bar of the bookings"
					+ " written when there are many; without --file, to the output",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.EVENT_OPTION)
	String export(@Option(longName = "event", description = "one event's id or exact name; all events without it") String event,
			@Option(longName = "file", description = "the CSV file to write") String file, CommandContext context) {
		var eventId = this.functions.eventId(event);
		if (file == null || file.isBlank()) {
			this.functions.writeBookings(eventId, context.outputWriter(), (written) -> {
			});
			return null;
		}
		var path = Path.of(file);
		// a refusal (not an admin, an unknown event) comes with the count, before the file is opened
		var bookings = this.functions.countBookings(eventId);
		var progress = (bookings >= this.largeExport) ? new ProgressBar(StandardStreams.stderr(), "Writing " + path, bookings)
				: ProgressBar.NONE;
		long written;
		try (var out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			written = this.functions.writeBookings(eventId, out, progress::advanceTo);
		}
		catch (IOException | UncheckedIOException ex) {
			throw new InvalidRequest("file", "Cannot write " + path + " (" + ex.getClass().getSimpleName() + ")");
		}
		finally {
			progress.finish();
		}
		return "Wrote " + written + " booking(s) to " + path;
	}

	@Command(name = "emails", group = "Admin", description = "Emails waiting to be sent, being retried, or failed",
			help = "emails: the pending email jobs (with their next attempt) and the failed ones (with their last error); retry failed ones with: emails retry",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String emails() {
		var queue = this.functions.call("emailQueue");
		var rows = new ArrayList<List<String>>();
		for (var status : List.of("pending", "failed")) {
			for (var job : queue.path(status)) {
				var next = job.path("nextAttemptAt").isNull() ? "" : Texts.instant(job.path("nextAttemptAt"));
				rows.add(List.of(Texts.string(job.path("jobId")), status.toUpperCase(java.util.Locale.ROOT),
						Texts.string(job.path("recipient")), Integer.toString(job.path("attempts").asInt()), next,
						Texts.string(job.path("lastError"))));
			}
		}
		if (rows.isEmpty()) {
			return "No email is pending or failed";
		}
		return Texts.table(List.of("JOB", "STATUS", "TO", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR"), rows) + "\n"
				+ queue.path("pending").size() + " pending, " + queue.path("failed").size() + " failed";
	}

	@Command(name = "emails retry", group = "Admin", description = "Send failed emails again: emails retry [--job JOB]",
			help = "emails retry [--job JOB]: puts one failed email (see: emails) or every failed one back in line",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String retryEmails(@Option(longName = "job", description = "one failed email's job id; all failed ones without it") String job,
			@Option(longName = Functions.IDEMPOTENCY_KEY, description = Functions.IDEMPOTENCY_KEY_HELP) String key) {
		var retried = this.functions.callOnce(key, "retryEmails", "jobId", job).path("retried").asInt();
		return (retried == 0) ? "No failed email to retry" : "Put " + retried + " failed email(s) back in line";
	}
}
