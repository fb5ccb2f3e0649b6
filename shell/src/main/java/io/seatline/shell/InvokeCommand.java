package io.seatline.shell;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.seatline.functions.FunctionInvoker;

/**
 * {@code invoke DEFINITION}: JSON in, the function's JSON out, for pipes ({@code echo '{}' | seatline invoke
 * browseEvents | jq}). The definition is a function or a composition ({@code a|b}); the body comes from stdin (or
 * {@code --body}), the token from {@code --token}, the session, or {@code SEATLINE_TOKEN}. With {@code --url} (or
 * {@code SEATLINE_URL}) the call goes to a running runner instead of this process's engine ({@link RemoteInvoke}).
 * A failure writes the contract's error JSON to stderr and nothing to stdout.
 */
@Component
class InvokeCommand {

	static final String USAGE = "usage: invoke FUNCTION [--body JSON] [--token T] [--url URL] [--idempotency-key KEY]";

	/** The option (and its name) that sends a write's idempotency key: a repeat with the key changes nothing. */
	static final String IDEMPOTENCY_KEY = "idempotency-key";

	static final String READING_STDIN = "Reading the JSON body from stdin (end it with Ctrl-D; or give --body JSON)";

	private final FunctionInvoker invoker;

	private final Session session;

	private final boolean interactive;

	private final String environmentUrl;

	InvokeCommand(FunctionInvoker invoker, Session session,
			@Value("${spring.shell.interactive.enabled:true}") boolean interactive,
			@Value("${SEATLINE_URL:}") String environmentUrl) {
		this.invoker = invoker;
		this.session = session;
		this.interactive = interactive;
		this.environmentUrl = environmentUrl;
	}

	@Command(name = "invoke", group = "Piping",
			description = "Call a function with a JSON body from stdin: invoke FUNCTION [--body JSON] [--token T] [--url URL]",
			help = "invoke FUNCTION or invoke \"a|b\": reads the JSON body from stdin (or --body JSON) and writes the function's"
					+ " JSON (CSV for exportBookings) to stdout; with --url (or SEATLINE_URL) a running runner answers the call;"
					+ " with --idempotency-key KEY a write sent again with the same key and body is done once and answered alike",
			exitStatusExceptionMapper = Refusals.AS_JSON)
	void invoke(@Argument(index = 0, description = "a function, or functions joined by | or ,") String definition,
			@Option(longName = "token", description = "the bearer token; else SEATLINE_TOKEN or this session's") String token,
			@Option(longName = "body", description = "the JSON body; else read from stdin") String body,
			@Option(longName = "url", description = "a running runner's address, http://host:port; else SEATLINE_URL") String url,
			@Option(longName = IDEMPOTENCY_KEY, description = "a key for this write: sent again with the same key and body, it is done once") String idempotencyKey,
			CommandContext context) {
		if (definition == null || definition.isBlank()) {
			throw new IllegalArgumentException(USAGE);
		}
		var json = (body != null) ? body : this.interactive ? "{}" : readStdin();
		var runner = (url != null && !url.isBlank()) ? url : this.environmentUrl;
		if (!runner.isBlank()) {
			RemoteInvoke.of(runner)
				.call(definition, json, (token != null) ? token : this.session.token(), idempotencyKey)
				.writeTo(context.outputWriter());
			return;
		}
		var result = this.invoker.invoke(definition, json.getBytes(StandardCharsets.UTF_8),
				(token != null) ? token : this.session.token(), Functions.CLIENT_ADDRESS, idempotencyKey);
		var out = context.outputWriter();
		if (result.isText()) {
			out.print(result.payload());
		}
		else {
			out.println(this.invoker.toJson(result.payload()));
		}
		out.flush();
	}

	private static String readStdin() {
		if (StandardStreams.stdinIsTerminal()) {
			StandardStreams.stderr().println(READING_STDIN);
		}
		return StandardStreams.readStdin();
	}
}
