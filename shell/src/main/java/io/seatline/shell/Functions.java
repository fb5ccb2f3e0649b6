package io.seatline.shell;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.Unauthenticated;
import io.seatline.functions.BookingsCsv;
import io.seatline.functions.FunctionInvoker;

/**
 * Calls the functions the way every client does: a JSON body in, the function's JSON out, with the session's
 * bearer token. Commands read the output as a JSON tree, exactly what an HTTP client of the runner would get.
 */
@Component
class Functions {

	/** The first day {@code browseEvents} is asked from when a name is looked up: every event, past ones too. */
	private static final String EVER = "1970-01-01";

	/** The option of every write command that sends an idempotency key (see {@link #callOnce}). */
	static final String IDEMPOTENCY_KEY = InvokeCommand.IDEMPOTENCY_KEY;

	static final String IDEMPOTENCY_KEY_HELP = "a key for this change (1 to 255 printable ASCII characters): run again"
			+ " with the same key, it is done once and answered alike";

	/** The client address the shell gives for login throttling: a person at this machine. */
	static final String CLIENT_ADDRESS = "local";

	private final FunctionInvoker invoker;

	private final BookingsCsv csv;

	private final Session session;

	private final JsonMapper json = JsonMapper.builder().build();

	Functions(FunctionInvoker invoker, BookingsCsv csv, Session session) {
		this.invoker = invoker;
		this.csv = csv;
		this.session = session;
	}

	/** Calls a function with a body of field names and values (null values are left out). */
	JsonNode call(String function, Object... fieldsAndValues) {
		return callOnce(null, function, fieldsAndValues);
	}

	/**
	 * {@link #call(String, Object...)} of a write with the user's idempotency key ({@code --idempotency-key}), or
	 * null: the same call with the same key is done once, and answered as it was the first time.
	 */
	JsonNode callOnce(String idempotencyKey, String function, Object... fieldsAndValues) {
		var result = asCaller(() -> this.invoker.invoke(function, body(fieldsAndValues), this.session.token(),
				CLIENT_ADDRESS, idempotencyKey));
		return this.json.readTree(this.invoker.toJson(result.payload()));
	}

	/**
	 * The id of the event the user named: an event's id, or the exact name (any case) of exactly one event, found
	 * with {@code browseEvents} over all dates. Several events of that name are refused with their ids; anything
	 * else is passed on as it is, for the function to judge ({@code NOT_FOUND}).
	 */
	String eventId(String idOrName) {
		return idOf(idOrName, "event", "events", "eventId", () -> call("browseEvents", "from", EVER));
	}

	/** The id of the venue the user named: a venue's id, or its exact name (any case), found with {@code listVenues}. */
	String venueId(String idOrName) {
		return idOf(idOrName, "venue", "venues", "venueId", () -> call("listVenues"));
	}

	private String idOf(String given, String kind, String kinds, String idField, Supplier<JsonNode> listing) {
		if (given == null || given.isBlank()) {
			return given;
		}
		JsonNode all;
		try {
			all = listing.get();
		}
		catch (RuntimeException ex) {
			if ("INTERNAL".equals(Refusals.of(ex).code())) {
				throw ex;
			}
			// not allowed to list (not signed in, not an admin): the function itself says so, with the id as given
			return given;
		}
		var named = new ArrayList<String>();
		for (var item : all) {
			var id = item.path(idField).asString();
			if (id.equals(given)) {
				return given;
			}
			if (item.path("name").asString().equalsIgnoreCase(given.strip())) {
				named.add(id);
			}
		}
		if (named.size() > 1) {
			throw new InvalidRequest(idField, "Several " + kinds + " are named " + given.strip() + ": "
					+ String.join(", ", named) + "; give the " + kind + "'s id");
		}
		return named.isEmpty() ? given : named.get(0);
	}

	/** Calls a function whose output is text (the CSV export). */
	String text(String function, Object... fieldsAndValues) {
		var result = invoke(function, fieldsAndValues);
		return result.isText() ? (String) result.payload() : this.invoker.toJson(result.payload());
	}

	/** How many bookings {@link #writeBookings} writes: {@code exportBookings}' count, for a progress bar. */
	long countBookings(String eventId) {
		return asCaller(() -> this.csv.count(this.session.token(), eventId));
	}

	/**
	 * {@code exportBookings} written to {@code out} as the rows are read, never held whole; {@code progress} hears
	 * the count of bookings written after each one. Returns the number written.
	 */
	long writeBookings(String eventId, Writer out, LongConsumer progress) {
		return asCaller(() -> this.csv.write(this.session.token(), eventId, out, progress));
	}

	private FunctionInvoker.Result invoke(String function, Object... fieldsAndValues) {
		return asCaller(() -> this.invoker.invoke(function, body(fieldsAndValues), this.session.token(), CLIENT_ADDRESS));
	}

	private <T> T asCaller(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (Unauthenticated ex) {
			// a saved login the server no longer knows is nobody signed in: say so once, and forget it
			throw this.session.usesSavedLogin() ? this.session.savedLoginEnded() : ex;
		}
	}

	private byte[] body(Object... fieldsAndValues) {
		var body = new LinkedHashMap<String, Object>();
		for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
			if (fieldsAndValues[i + 1] != null) {
				body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
			}
		}
		return this.invoker.toJson(body).getBytes(StandardCharsets.UTF_8);
	}
}
