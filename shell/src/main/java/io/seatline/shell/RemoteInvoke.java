package io.seatline.shell;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code invoke --url URL}: the call goes to a running runner over HTTP ({@code POST URL/{definition}}) instead of
 * the engine in this process. The answer is the runner's: its output on success, else its error JSON, with the exit
 * status a local call would have. The JDK's HTTP connection and Jackson's parser only: the one-shot start
 * ({@link ShellMain}) runs it before any Spring context exists.
 */
final class RemoteInvoke {

	/** The code of a runner that cannot be reached (not one of the contract's: nothing was called). */
	static final String UNREACHABLE = "UNREACHABLE";

	private final URI base;

	private RemoteInvoke(URI base) {
		this.base = base;
	}

	/** A client of the runner at {@code url} ({@code http://localhost:8080}, with or without a trailing slash). */
	static RemoteInvoke of(String url) {
		var text = url.strip();
		URI base;
		try {
			base = URI.create(text.endsWith("/") ? text : text + "/");
		}
		catch (IllegalArgumentException ex) {
			base = null;
		}
		if (base == null || base.getHost() == null
				|| !("http".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme()))) {
			throw new IllegalArgumentException("--url must be the runner's http:// or https:// address, not '" + text + "'");
		}
		return new RemoteInvoke(base);
	}

	/**
	 * The one-shot {@code invoke ... --url URL} (or with {@code SEATLINE_URL} set), run without Spring: returns its
	 * exit status, or null when the arguments are something else (any other command, an option {@code invoke} does
	 * not take here, {@code --help}), which the Spring shell then runs as usual.
	 */
	static Integer runArguments(String[] arguments, Map<String, String> environment) {
		if (arguments.length == 0 || !arguments[0].equals("invoke")) {
			return null;
		}
		var options = new LinkedHashMap<String, String>();
		String definition = null;
		for (int i = 1; i < arguments.length; i++) {
			var argument = arguments[i];
			var name = argument.startsWith("--") ? argument.substring(2).split("=", 2)[0] : null;
			if (name == null) {
				if (definition != null) {
					return null;
				}
				definition = argument;
			}
			else if (!(name.equals("url") || name.equals("body") || name.equals("token")
					|| name.equals(InvokeCommand.IDEMPOTENCY_KEY))) {
				return null;
			}
			else if (argument.contains("=")) {
				options.put(name, argument.substring(argument.indexOf('=') + 1));
			}
			else if (i + 1 < arguments.length) {
				options.put(name, arguments[++i]);
			}
			else {
				return null;
			}
		}
		var url = options.getOrDefault("url", environment.getOrDefault("SEATLINE_URL", ""));
		if (url.isBlank()) {
			return null;
		}
		var err = StandardStreams.stderr();
		if (definition == null || definition.isBlank()) {
			err.println(refusal("INVALID_REQUEST", InvokeCommand.USAGE).json());
			return Refusals.USAGE;
		}
		var token = tokenOf(options.get("token"), environment);
		try {
			var remote = of(url);
			var body = options.get("body");
			if (body == null) {
				if (StandardStreams.stdinIsTerminal()) {
					err.println(InvokeCommand.READING_STDIN);
				}
				body = StandardStreams.readStdin();
			}
			remote.call(definition, body, token, options.get(InvokeCommand.IDEMPOTENCY_KEY))
				.writeTo(StandardStreams.stdout());
			return 0;
		}
		catch (RemoteRefusal refusal) {
			err.println(refusal.json());
			return refusal.exitCode();
		}
		catch (IllegalArgumentException badUrl) {
			err.println(refusal("INVALID_REQUEST", badUrl.getMessage()).json());
			return Refusals.USAGE;
		}
		finally {
			StandardStreams.flush();
		}
	}

	/**
	 * The token to send: {@code --token}, else {@code SEATLINE_TOKEN}, else the login a one-shot {@code login} kept
	 * for {@code DATABASE_URL} (the store is keyed by database, not by URL: the runner that serves that database knows
	 * the session; another runner answers {@code UNAUTHENTICATED}). Null when there is none.
	 */
	static String tokenOf(String option, Map<String, String> environment) {
		if (option != null) {
			return option;
		}
		var variable = environment.get("SEATLINE_TOKEN");
		if (variable != null && !variable.isBlank()) {
			return variable;
		}
		try {
			var login = LoginStore.of(environment).read();
			return (login != null) ? login.token() : null;
		}
		catch (RuntimeException unreadable) {
			// no DATABASE_URL the shell could open, or no readable login: nobody, as the runner will say
			return null;
		}
	}

	/**
	 * Calls the definition ({@code a|b} is sent as the contract's {@code a,b}) with the body and, when not null, the
	 * bearer token and the {@code Idempotency-Key}. Throws the runner's refusal, or {@link #UNREACHABLE} when no runner
	 * answers.
	 */
	Answer call(String definition, String body, String token, String idempotencyKey) {
		var url = this.base.resolve(definition.strip().replace('|', ','));
		try {
			// HttpURLConnection rather than java.net.http: for plain http it loads no TLS and starts several times faster
			var connection = (HttpURLConnection) url.toURL().openConnection();
			connection.setConnectTimeout(10_000);
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			connection.setRequestProperty("Accept", "application/json, text/csv");
			if (token != null && !token.isBlank()) {
				connection.setRequestProperty("Authorization", "Bearer " + token.strip());
			}
			if (idempotencyKey != null) {
				connection.setRequestProperty("Idempotency-Key", idempotencyKey);
			}
			try (var out = connection.getOutputStream()) {
				out.write((body.isBlank() ? "{}" : body).getBytes(StandardCharsets.UTF_8));
			}
			int status = connection.getResponseCode();
			var stream = (status / 100 == 2) ? connection.getInputStream() : connection.getErrorStream();
			var answer = (stream != null) ? new String(stream.readAllBytes(), StandardCharsets.UTF_8) : "";
			if (status / 100 == 2) {
				var type = Objects.requireNonNullElse(connection.getContentType(), "application/json");
				return new Answer(answer, !type.startsWith("application/json"));
			}
			throw refusalOf(status, answer);
		}
		catch (ConnectException | SocketTimeoutException | UnknownHostException ex) {
			throw unreachable("no runner answers at " + this.base);
		}
		catch (IOException ex) {
			throw unreachable("the runner at " + this.base + " did not answer (" + Refusals.rootMessageOf(ex) + ")");
		}
	}

	/**
	 * The runner's error body as a refusal: the body itself (the contract's error JSON, on one line) with its
	 * {@code error} code; a body that is none (a proxy's page) by its status alone.
	 */
	static RemoteRefusal refusalOf(int status, String body) {
		var code = codeIn(body);
		if (code != null) {
			return new RemoteRefusal(code, body.strip().replaceAll("\\s*\\R\\s*", " "));
		}
		code = switch (status) {
			case 400 -> "INVALID_REQUEST";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 409 -> "CONFLICT";
			case 429 -> "TOO_MANY_ATTEMPTS";
			case 503 -> "BUSY";
			default -> "INTERNAL";
		};
		return refusal(code, "The runner answered HTTP " + status);
	}

	/** The top-level {@code error} of a JSON object, read with Jackson's parser alone (no data binding to load). */
	private static String codeIn(String body) {
		try (var parser = new JsonFactory().createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			for (var token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				var name = parser.currentName();
				var value = parser.nextToken();
				if (name.equals("error") && value == JsonToken.VALUE_STRING) {
					return parser.getString();
				}
				parser.skipChildren();
			}
			return null;
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static RemoteRefusal unreachable(String message) {
		return refusal(UNREACHABLE, "Cannot call the runner: " + message);
	}

	private static RemoteRefusal refusal(String code, String message) {
		var json = new StringBuilder("{\"error\":\"");
		JsonStringEncoder.getInstance().quoteAsString(code, json);
		json.append("\",\"message\":\"");
		JsonStringEncoder.getInstance().quoteAsString(message, json);
		return new RemoteRefusal(code, json.append("\"}").toString());
	}

	/** What the runner answered: JSON, or text (the CSV of {@code exportBookings}). */
	record Answer(String body, boolean isText) {

		/** As a local {@code invoke} writes it: text as it is, JSON on a line of its own. */
		void writeTo(java.io.PrintWriter out) {
			if (this.isText || this.body.endsWith("\n")) {
				out.print(this.body);
			}
			else {
				out.println(this.body);
			}
			out.flush();
		}
	}

	/**
	 * The runner refused the call, or could not be reached: the code and the contract's error JSON, which
	 * {@link Refusals} reports like a local refusal.
	 */
	static final class RemoteRefusal extends RuntimeException {

		private final String code;

		private final String json;

		RemoteRefusal(String code, String json) {
			super(code, null, false, false);
			this.code = code;
			this.json = json;
		}

		String code() {
			return this.code;
		}

		String json() {
			return this.json;
		}

		int exitCode() {
			return Refusals.exitCodeOf(this.code);
		}
	}
}
