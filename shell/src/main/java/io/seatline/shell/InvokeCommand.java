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
 * {@code --body}), the token from {@code --token}, the session, or {@code SEATLINE_TOKEN}. A failure writes the
 * contract's error JSON to stderr and nothing to stdout.
 */
@Component
class InvokeCommand {

	private final FunctionInvoker invoker;

	private final Session session;

	private final boolean interactive;

	InvokeCommand(FunctionInvoker invoker, Session session,
			@Value("${spring.shell.interactive.enabled:true}") boolean interactive) {
		this.invoker = invoker;
		this.session = session;
		this.interactive = interactive;
	}

	@Command(name = "invoke", group = "Piping",
			description = "Call a function with a JSON body from stdin: invoke DEFINITION [--token TOKEN]",
			help = "invoke FUNCTION or invoke \"a|b\": reads the JSON body from stdin (or --body JSON) and writes the function's JSON (CSV for exportBookings) to stdout",
			exitStatusExceptionMapper = Refusals.AS_JSON)
	void invoke(@Argument(index = 0, description = "a function, or functions joined by | or ,") String definition,
			@Option(longName = "token", description = "the bearer token; else SEATLINE_TOKEN or this session's") String token,
			@Option(longName = "body", description = "the JSON body; else read from stdin") String body,
			CommandContext context) {
		var json = (body != null) ? body : this.interactive ? "{}" : StandardStreams.readStdin();
		var result = this.invoker.invoke(definition, json.getBytes(StandardCharsets.UTF_8),
				(token != null) ? token : this.session.token(), Functions.CLIENT_ADDRESS);
		var out = context.outputWriter();
		if (result.isText()) {
			out.print(result.payload());
		}
		else {
			out.println(this.invoker.toJson(result.payload()));
		}
		out.flush();
	}
}
