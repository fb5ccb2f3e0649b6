package io.seatline.functions;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import io.seatline.engine.AllOrNothing;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatlineException;
import io.seatline.engine.idempotency.IdempotencyKey;
import io.seatline.engine.persistence.DatabaseFailures;

/**
 * Calls a function, or a composition of functions ({@code a|b}, or {@code a,b} as in a URL), from JSON text, the
 * way every JSON-speaking host does: the body is parsed and bound to the first function's input strictly (a
 * malformed body or a field of the wrong type is {@code INVALID_REQUEST} naming the field), the bearer token travels
 * as the message's {@code authorization} header through every step. Calls of read functions only run in one
 * read-only transaction on the read path. A single write function runs its one engine write (every write of the
 * engine is one transaction on the engine's one write path) after reading its caller's session on the read path. A
 * composition with a write runs whole in one transaction on the write path, so that a failure at any step changes
 * nothing. A composition has at most {@link #MAX_STEPS} steps.
 */
public class FunctionInvoker {

	// Spring Cloud Function's own plumbing, not ours to expose
	private static final Set<String> HIDDEN = Set.of("functionRouter", "RoutingFunction");

	/** The most functions one composition may chain: each step is work done inside one transaction. */
	public static final int MAX_STEPS = 10;

	// functions that only read: alone or composed, they run on the read path and never wait for the writer
	private static final Set<String> READS = Set.of("browseEvents", "eventSeats", "eventReviews", "myBookings",
			"myHolds", "currentUser", "dashboard", "exportBookings", "emailQueue", "listVenues", "adminSeatMap",
			"findBookings", "listAccounts", "auditLog", "exportAuditLog");

	// reads that serve from memory while the database is unchanged, and open a read of their own only when it changed
	// (EventListings): alone, they run without one around them
	private static final Set<String> KEPT_READS = Set.of("browseEvents");

	// functions that keep their own transactions (a password is hashed outside any) or need none; never composed,
	// so that a failed login is counted whatever else the call does
	private static final Set<String> STANDALONE = Set.of("login", "logout", "register", "ping", "changePassword",
			"resetPassword");

	/**
	 * The message header that carries the caller's client address (see {@link #invoke(String, byte[], String,
	 * String)}).
	 */
	public static final String CLIENT_ADDRESS = "seatline-client-address";

	/**
	 * The message header that carries a write's idempotency key (see {@link #invoke(String, byte[], String, String,
	 * String)}); an embedding application that calls a function itself sets it on the Message.
	 */
	public static final String IDEMPOTENCY_KEY = "idempotencyKey";

	private final FunctionCatalog catalog;

	private final AllOrNothing allOrNothing;

	private final JsonMapper json;

	// replies written to a host's stream (see writeJson)
	private final ObjectWriter replies;

	public FunctionInvoker(FunctionCatalog catalog, AllOrNothing allOrNothing) {
		this.catalog = catalog;
		this.allOrNothing = allOrNothing;
		this.json = JsonMapper.builder()
			// composition feeds one function's output to the next: fields it does not know are ignored
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// strict types: 123 or true is not a username, "5" is not a rating (ids may be numbers: IdText)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(number) -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Collection,
					(list) -> list.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.build();
		// the stream is the host's to close, and is not flushed: a host that holds the whole of a small reply when it
		// ends can send it with its length
		this.replies = this.json.writer()
			.without(StreamWriteFeature.AUTO_CLOSE_TARGET)
			.without(StreamWriteFeature.FLUSH_PASSED_TO_STREAM);
	}

	/** The names of the functions a caller may invoke. */
	public List<String> functionNames() {
		// the catalog names every Function bean of the host; list only those it will also look up (not the
		// spring.cloud.function.ineligible-definitions)
		return this.catalog.getNames(null)
			.stream()
			.filter((name) -> !HIDDEN.contains(name) && this.catalog.lookup(name) != null)
			.sorted()
			.toList();
	}

	/**
	 * Invokes a definition with a JSON body (empty means {@code {}}) and an optional bearer token.
	 * @throws SeatlineException for every refusal, with the contract's code
	 */
	public Result invoke(String definition, byte[] body, String token) {
		return invoke(definition, body, token, null);
	}

	/**
	 * {@link #invoke(String, byte[], String)} from a client address: the host's own view of where the call comes
	 * from (the remote IP address over HTTP, {@code local} in a shell; never a value the client sent), by which
	 * failed logins are limited as well as by username. Null when the host knows none.
	 * @throws SeatlineException for every refusal, with the contract's code
	 */
	public Result invoke(String definition, byte[] body, String token, String clientAddress) {
		return invoke(definition, body, token, clientAddress, null);
	}

	/**
	 * {@link #invoke(String, byte[], String, String)} with the client's idempotency key for the call, or null: a write
	 * function given a key is done once per caller, function and key, and a repeat within 24 hours is answered as the
	 * first call was, with nothing changed; the same key with another body is {@code CONFLICT}. A key is 1 to 255
	 * printable ASCII characters, else {@code INVALID_REQUEST}. Functions that only read ignore it.
	 * @throws SeatlineException for every refusal, with the contract's code
	 */
	public Result invoke(String definition, byte[] body, String token, String clientAddress, String idempotencyKey) {
		var key = IdempotencyKey.of(idempotencyKey);
		var names = parse(definition);
		FunctionInvocationWrapper function = this.catalog.lookup(String.join("|", names));
		if (function == null) {
			throw new NotFound("No function is named " + String.join(",", names));
		}
		var input = bind(body, inputClass(function));
		var message = MessageBuilder.withPayload(input);
		if (token != null && !token.isBlank()) {
			message.setHeader(Callers.AUTHORIZATION, "Bearer " + token.strip());
		}
		if (clientAddress != null && !clientAddress.isBlank()) {
			message.setHeader(CLIENT_ADDRESS, clientAddress.strip());
		}
		if (key != null) {
			message.setHeader(IDEMPOTENCY_KEY, key.value());
		}
		try {
			Supplier<Object> call = () -> function.apply(message.build());
			Object output;
			if (names.size() == 1 && KEPT_READS.contains(names.get(0))) {
				output = call.get();
			}
			else if (READS.containsAll(names)) {
				output = this.allOrNothing.read(call);
			}
			else if (names.size() == 1) {
				// one function: its one engine write is one transaction on the write path, and its caller's session
				// is read on the read path beside it, so the writer does nothing but the write
				output = call.get();
			}
			else {
				output = this.allOrNothing.write(call);
			}
			return Result.of(output);
		}
		catch (RuntimeException ex) {
			if (names.size() > 1 && causedBy(ex, ClassCastException.class)) {
				// Spring Cloud Function hands a step's output to the next step as it is when it cannot read it as
				// that step's input (eventSeats' venue object is no browseEvents venue text): the caller's pipeline,
				// not a failure of ours
				throw new InvalidRequest(null, "In " + String.join(",", names)
						+ " a function cannot take the output of the one before it as its input");
			}
			throw unwrap(ex);
		}
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** The JSON text of a function's output, in the contract's format (instants in ISO-8601 UTC). */
	public String toJson(Object value) {
		return this.json.writeValueAsString(value);
	}

	/**
	 * {@link #toJson(Object)} as UTF-8 bytes, written to the stream as they are made, which is left open: a host
	 * sends a reply without a copy of it in memory first (a 20,000-seat map is more than a megabyte, and a copy per
	 * call filled the young generation while seats sold, and then the old one).
	 */
	public void writeJson(Object value, OutputStream out) throws IOException {
		try {
			this.replies.writeValue(out, value);
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
	}

	private List<String> parse(String definition) {
		var names = new ArrayList<String>();
		if (definition != null) {
			for (var name : definition.split("[,|]", -1)) {
				names.add(name.strip());
			}
		}
		if (names.size() > MAX_STEPS) {
			throw new InvalidRequest(null,
					"A composition has at most " + MAX_STEPS + " steps; this one has " + names.size());
		}
		for (var name : names) {
			if (name.isEmpty() || HIDDEN.contains(name) || this.catalog.lookup(name) == null) {
				throw new NotFound("No function is named '" + name + "'; the functions are "
						+ String.join(", ", functionNames()));
			}
			if (names.size() > 1 && STANDALONE.contains(name)) {
				throw new InvalidRequest(null, name + " cannot be part of a composition; call it alone");
			}
		}
		for (var name : names.subList(0, names.size() - 1)) {
			if (!pipes(this.catalog.lookup(name))) {
				throw new InvalidRequest(null, name + " answers with a list or a file, which cannot be piped into "
						+ "another function; call it alone or as the last step");
			}
		}
		return names;
	}

	/**
	 * True when a function's output can be the next step's input: one JSON object. Spring Cloud Function turns a
	 * list output into a stream of its elements when it feeds another function (a Flux that nobody subscribes, so
	 * the later steps never run), and a {@link Message} output (the CSV) replaces the headers that carry the token.
	 */
	private static boolean pipes(FunctionInvocationWrapper function) {
		var type = function.getOutputType();
		if (type instanceof ParameterizedType parameterized) {
			type = parameterized.getRawType();
		}
		if (!(type instanceof Class<?> raw)) {
			return false;
		}
		return !(raw.isArray() || Iterable.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
				|| Message.class.isAssignableFrom(raw) || Publisher.class.isAssignableFrom(raw)
				|| CharSequence.class.isAssignableFrom(raw));
	}

	private Object bind(byte[] body, Class<?> type) {
		var text = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		if (text.isBlank()) {
			text = "{}";
		}
		JsonNode tree;
		try {
			tree = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidRequest(null, "The body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidRequest(null, "The body must be a JSON object, such as {}");
		}
		try {
			return this.json.treeToValue(tree, type);
		}
		catch (DatabindException ex) {
			var field = path(ex);
			throw new InvalidRequest(field, ((field != null) ? field : "The body") + " has the wrong type or value");
		}
		catch (JacksonException ex) {
			throw new InvalidRequest(null, "The body does not fit this function: " + ex.getOriginalMessage());
		}
	}

	private static String path(DatabindException ex) {
		var path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static Class<?> inputClass(FunctionInvocationWrapper function) {
		Type type = function.getInputType();
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Message.class) {
			type = parameterized.getActualTypeArguments()[0];
		}
		if (type instanceof ParameterizedType parameterized) {
			type = parameterized.getRawType();
		}
		return (type instanceof Class<?> raw) ? raw : Object.class;
	}

	/** The engine's refusal inside any wrapping; an unavailable database becomes {@code BUSY} here, once. */
	/** The engine's refusal inside any wrapping, or a database failure as the contract's {@code BUSY}. */
	static RuntimeException unwrap(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SeatlineException refusal) {
				return refusal;
			}
		}
		return DatabaseFailures.translate(ex);
	}

	/** A function's output: the payload, and its content type when it is not JSON (the CSV export). */
	public record Result(Object payload, String contentType) {

		static Result of(Object output) {
			if (output instanceof Message<?> message) {
				var contentType = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
				return new Result(message.getPayload(), (contentType != null) ? contentType.toString() : null);
			}
			return new Result(output, null);
		}

		/** True when the payload is text to send as it is (CSV), not a value to write as JSON. */
		public boolean isText() {
			return this.contentType != null && !this.contentType.contains("json") && this.payload instanceof String;
		}
	}
}
