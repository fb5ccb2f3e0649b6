package io.seatline.shell;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import tools.jackson.databind.json.JsonMapper;

import io.seatline.engine.error.SeatlineException;

/**
 * The one place where failures become what the shell's user sees: a one-line message on stderr (the contract's
 * error JSON for {@code invoke}) and an exit status. No stack trace is ever shown.
 *
 * <table>
 * <tr><th>exit</th><th>when</th></tr>
 * <tr><td>0</td><td>success</td></tr>
 * <tr><td>1</td><td>an unexpected failure</td></tr>
 * <tr><td>2</td><td>{@code INVALID_REQUEST}, and usage errors: an unknown command, a missing or malformed option</td></tr>
 * <tr><td>3</td><td>{@code UNAUTHENTICATED}, {@code INVALID_CREDENTIALS}</td></tr>
 * <tr><td>4</td><td>{@code FORBIDDEN}</td></tr>
 * <tr><td>5</td><td>{@code NOT_FOUND}</td></tr>
 * <tr><td>6</td><td>{@code SEATS_UNAVAILABLE}, {@code CONFLICT}</td></tr>
 * <tr><td>7</td><td>{@code TOO_MANY_ATTEMPTS}</td></tr>
 * <tr><td>8</td><td>{@code BUSY}: the database stayed busy; nothing was changed, try again</td></tr>
 * <tr><td>9</td><td>{@code UNREACHABLE}: {@code invoke --url} found no runner answering at that address</td></tr>
 * <tr><td>130</td><td>cancelled at a prompt (Ctrl-C, Ctrl-D, or stdin at its end): quietly, nothing was done</td></tr>
 * </table>
 */
final class Refusals {

	/** The bean name of the mapper that reports a failure as a one-line message; named by every command. */
	static final String AS_MESSAGE = "refusalsAsMessages";

	/** The bean name of the mapper that reports a failure as the contract's error JSON ({@code invoke}). */
	static final String AS_JSON = "refusalsAsJson";

	static final int UNEXPECTED = 1;

	static final int USAGE = 2;

	/** As a shell reports a command stopped by Ctrl-C (128 + SIGINT). */
	static final int CANCELLED = 130;

	/**
	 * The functions' JSON fields in the words of the commands: the option that gives the field, then the words that
	 * name an argument giving it in a usage line ({@code seats EVENT}). The engine's messages name the JSON fields,
	 * which is right for JSON callers; a person at the shell typed options and arguments.
	 */
	private static final Map<String, List<String>> FIELD_WORDS = Map.ofEntries(Map.entry("eventId", List.of("event", "EVENT")),
			Map.entry("venueId", List.of("venue", "VENUE")), Map.entry("seatsPerRow", List.of("seats-per-row")),
			Map.entry("rows", List.of("rows")), Map.entry("capacity", List.of("capacity")),
			Map.entry("timeZone", List.of("time-zone")), Map.entry("startsAt", List.of("starts-at")),
			Map.entry("maxSeatsPerAccount", List.of("max-seats-per-account")),
			Map.entry("description", List.of("description")), Map.entry("name", List.of("name")),
			Map.entry("rating", List.of("rating")), Map.entry("text", List.of("text")),
			Map.entry("reason", List.of("reason")), Map.entry("limit", List.of("limit")),
			Map.entry("query", List.of("query")), Map.entry("from", List.of("from")), Map.entry("to", List.of("to")),
			Map.entry("venue", List.of("venue")), Map.entry("email", List.of("email")),
			Map.entry("jobId", List.of("job")), Map.entry("username", List.of("user", "USERNAME")),
			Map.entry("bookingId", List.of("booking", "BOOKING", "REFERENCE_OR_ID")),
			Map.entry("reference", List.of("reference", "REFERENCE_OR_ID")), Map.entry("seats", List.of("", "SEAT...")));

	// fields that are words of prose as well ("1 to 5"): named as options only where a message begins with them
	private static final Set<String> PROSE = Set.of("to", "from");

	// a field named in a message: a whole word, not an option already (--rows)
	private static final Pattern WORD = Pattern.compile("(?<![-\\w])[a-z][A-Za-z]*\\b");

	// the command being run on this thread, whose words a refusal is told in
	private static final ThreadLocal<CommandWords> COMMAND = new ThreadLocal<>();

	// the one-shot invoke --url asks exitCodeOf alone, and must not pay for building a mapper
	private static final class Json {

		static final JsonMapper MAPPER = JsonMapper.builder().build();

	}

	private Refusals() {
	}

	/** The exit status of each of the contract's error codes. */
	static int exitCodeOf(String code) {
		return switch (code) {
			case "INVALID_REQUEST" -> USAGE;
			case "UNAUTHENTICATED", "INVALID_CREDENTIALS" -> 3;
			case "FORBIDDEN" -> 4;
			case "NOT_FOUND" -> 5;
			case "SEATS_UNAVAILABLE", "CONFLICT" -> 6;
			case "TOO_MANY_ATTEMPTS" -> 7;
			case "BUSY" -> 8;
			case "CANCELLED" -> CANCELLED;
			case RemoteInvoke.UNREACHABLE -> 9;
			default -> UNEXPECTED;
		};
	}

	/** What went wrong, whatever was thrown: the engine's refusal inside any wrapping, or a usage error. */
	static Refusal of(Throwable thrown) {
		var cause = unwrap(thrown);
		if (cause instanceof RemoteInvoke.RemoteRefusal remote) {
			// the runner's error JSON, as the engine in this process would have refused it
			var body = new LinkedHashMap<String, Object>(Json.MAPPER.readValue(remote.json(), Map.class));
			var message = String.valueOf(body.remove("message"));
			body.remove("error");
			return new Refusal(remote.code(), message, body);
		}
		if (cause instanceof SeatlineException refusal) {
			return new Refusal(refusal.code(), refusal.getMessage(), refusal.details());
		}
		if (cause instanceof Cancelled || cause instanceof UserInterruptException
				|| cause instanceof EndOfFileException) {
			// Ctrl-C or Ctrl-D at a prompt: the user changed their mind, which is no error
			return new Refusal("CANCELLED", "Cancelled", Map.of());
		}
		if (cause instanceof ConversionFailedException conversion) {
			// an option's value of the wrong kind: --rating five
			return new Refusal("INVALID_REQUEST", "'" + conversion.getValue() + "' is not "
					+ article(conversion.getTargetType().getType().getSimpleName()), Map.of());
		}
		if (cause instanceof IllegalArgumentException || cause instanceof ConversionException) {
			// the shell's own parsing: a missing option, "Option '--rating' requires a value", a rating that is no number
			return new Refusal("INVALID_REQUEST", messageOf(cause), Map.of());
		}
		return new Refusal("INTERNAL", "Something went wrong: " + rootMessageOf(cause), Map.of());
	}

	/** The message of the innermost cause, on one line: what really went wrong. */
	static String rootMessageOf(Throwable thrown) {
		return messageOf(rootOf(thrown));
	}

	/** A failure as one line of text for people. */
	static ExitStatusExceptionMapper asMessages() {
		return (ex) -> report(of(ex), false);
	}

	/** A failure as the contract's error JSON, for programs that read {@code invoke}'s stderr. */
	static ExitStatusExceptionMapper asJson() {
		return (ex) -> report(of(ex), true);
	}

	/**
	 * Runs {@code work} as the command whose options and usage are given: a refusal reported as a message in the
	 * meantime names that command's options and arguments where the functions named JSON fields.
	 */
	static <T> T inCommand(CommandWords words, java.util.function.Supplier<T> work) {
		COMMAND.set(words);
		try {
			return work.get();
		}
		finally {
			COMMAND.remove();
		}
	}

	private static ExitStatus report(Refusal refusal, boolean json) {
		if (!refusal.quiet()) {
			// the JSON is for programs: never coloured, and in the contract's words
			if (json) {
				StandardStreams.stderr().println(refusal.json());
			}
			else {
				StandardStreams.errorLine(refusal.inWordsOf(COMMAND.get()).line());
			}
		}
		return new ExitStatus(refusal.exitCode(), refusal.code());
	}

	private static Throwable unwrap(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof SeatlineException || cause instanceof RemoteInvoke.RemoteRefusal) {
				return cause;
			}
		}
		// a command method's exception arrives wrapped by reflection and by the shell's executor
		var cause = thrown;
		while ((cause instanceof InvocationTargetException
				|| cause.getClass().getName().startsWith("org.springframework.shell.")) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String article(String type) {
		return switch (type) {
			case "Integer", "int", "Long", "long" -> "a whole number";
			default -> "a " + type;
		};
	}

	private static Throwable rootOf(Throwable thrown) {
		var root = thrown;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static String messageOf(Throwable ex) {
		var message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		message = message.strip().replaceAll("\\s*\\R\\s*", " ");
		return (message.length() > 300) ? message.substring(0, 297) + "..." : message;
	}

	/** A failure: the engine's code (or {@code INTERNAL}), a message, and the contract's details. */
	record Refusal(String code, String message, Map<String, Object> details) {

		int exitCode() {
			return exitCodeOf(this.code);
		}

		/** A cancelled command says nothing: the user knows. */
		boolean quiet() {
			return "CANCELLED".equals(this.code);
		}

		/**
		 * The refusal as the command's user typed it: {@code seatsPerRow goes with rows} as
		 * {@code --seats-per-row goes with --rows}, {@code eventId is required} as {@code EVENT is required} with the
		 * command's usage on the next line. An {@code INVALID_REQUEST} about a field the command has a word for names
		 * the JSON fields in it as the command's options or arguments; other refusals stay as the functions say them.
		 */
		Refusal inWordsOf(CommandWords command) {
			var fieldName = (this.details.get("field") instanceof String name) ? name : null;
			if (command == null || !"INVALID_REQUEST".equals(this.code) || fieldName == null
					|| command.wordFor(fieldName) == null) {
				return this;
			}
			var words = WORD.matcher(this.message).replaceAll((match) -> {
				var word = match.group();
				var said = command.wordFor(word);
				// a field in camel case anywhere; a plain one (reference, rating) where it is an option of the command,
				// but "to" and "from" (prose as often as fields) only where the message begins with the field
				boolean field = (match.start() == 0 && word.equals(fieldName))
						|| !word.equals(word.toLowerCase(java.util.Locale.ROOT))
						|| (said != null && said.startsWith("--") && !PROSE.contains(word));
				return Matcher.quoteReplacement((field && said != null) ? said : word);
			});
			var details = new LinkedHashMap<>(this.details);
			details.remove("field");
			return new Refusal(this.code, words + "\nusage: " + command.usage(), details);
		}

		/** One line for people, with a hint where one helps. */
		String line() {
			var line = new StringBuilder("Error [").append(this.code).append("]: ").append(this.message);
			if (this.details.get("field") != null && !this.message.contains(this.details.get("field").toString())) {
				line.append(" (field: ").append(this.details.get("field")).append(')');
			}
			if ("UNAUTHENTICATED".equals(this.code)) {
				line.append(" (login USERNAME)");
			}
			return line.toString();
		}

		/** The contract's error body: {@code {"error": CODE, "message": text, ...details}}. */
		String json() {
			var body = new LinkedHashMap<String, Object>();
			body.put("error", this.code);
			body.put("message", this.message);
			body.putAll(this.details);
			return Json.MAPPER.writeValueAsString(body);
		}
	}

	/** A prompt answered with Ctrl-C, Ctrl-D or the end of stdin: the command stops, quietly. */
	static final class Cancelled extends RuntimeException {

		Cancelled() {
			super("Cancelled", null, false, false);
		}
	}

	/** What a command is called with: its options' long names and its usage line ({@code seats EVENT}). */
	record CommandWords(Set<String> options, String usage) {

		/** How the command names a JSON field: {@code --event}, {@code EVENT}, or null when it has no word for it. */
		String wordFor(String field) {
			var words = FIELD_WORDS.get(field);
			if (words == null) {
				return null;
			}
			if (this.options.contains(words.get(0))) {
				return "--" + words.get(0);
			}
			for (var argument : words.subList(1, words.size())) {
				if (Pattern.compile("(^|\\s)" + Pattern.quote(argument) + "(\\s|$)").matcher(this.usage).find()) {
					return argument;
				}
			}
			return null;
		}
	}

	/** A usage error, reported with the command's usage line: {@code events --bogus x}. */
	static String unknownOption(String option, String usage) {
		return "Error: there is no option '" + option + "'\nusage: " + usage;
	}
}
