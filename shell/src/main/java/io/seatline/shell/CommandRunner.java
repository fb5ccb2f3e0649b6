package io.seatline.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.jline.JLineInputProvider;
import org.springframework.shell.jline.JLineInputReader;
import org.springframework.stereotype.Component;

/**
 * Runs the shell: an interactive session (no arguments), or the arguments as one command, or a script
 * ({@code @file}: one command a line, {@code #} comments) that stops at the first failing command. Spring Shell's
 * own runners are replaced because they set no exit status and report some failures with stack traces; the exit
 * status of the last command becomes the process's.
 */
@Component
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

	/** The option every command takes: the bearer token to act with, over a login kept or made in this shell. */
	static final String TOKEN = "token";

	private final CommandRegistry registry;

	private final CommandParser parser;

	private final CommandExecutor executor;

	private final ObjectProvider<JLineInputProvider> terminal;

	private final Session session;

	private final boolean interactive;

	private int exitCode;

	CommandRunner(CommandRegistry registry, CommandParser parser, ObjectProvider<JLineInputProvider> terminal,
			Session session, @Value("${spring.shell.interactive.enabled:true}") boolean interactive) {
		this.registry = registry;
		this.parser = parser;
		this.executor = new CommandExecutor(registry);
		this.terminal = terminal;
		this.session = session;
		this.interactive = interactive;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (this.interactive) {
			interact();
		}
		else if (arguments.getSourceArgs().length > 0) {
			this.exitCode = runArguments(arguments.getSourceArgs(), StandardStreams.stdout(), new StandardInput());
			StandardStreams.stdout().flush();
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/** Runs the arguments of the command line: one command, or {@code @file}. Returns the exit status. */
	int runArguments(String[] arguments, PrintWriter out, InputReader input) {
		if (arguments.length == 1 && arguments[0].startsWith("@")) {
			return runScript(Path.of(arguments[0].substring(1)), out, input);
		}
		if (arguments.length == 1 && (arguments[0].equals("--help") || arguments[0].equals("-h"))) {
			return execute("help", out, input);
		}
		// one command from the arguments: a login lasts for the next ones (a script's lasts for the script)
		this.session.lastBeyondThisProcess(true);
		try {
			return execute(commandLine(arguments), out, input);
		}
		finally {
			this.session.lastBeyondThisProcess(false);
		}
	}

	/** Runs a script's commands in order; stops at the first that fails, with its exit status. */
	int runScript(Path script, PrintWriter out, InputReader input) {
		List<String> lines;
		try {
			lines = Files.readAllLines(script, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			StandardStreams.errorLine("Error: cannot read the script " + script);
			return Refusals.USAGE;
		}
		var command = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			var line = lines.get(i).strip();
			if (line.endsWith("\\")) {
				// a long command continues on the next line
				command.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			command.append(line);
			var text = command.toString().strip();
			command.setLength(0);
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			var status = execute(text, out, input);
			if (status != 0) {
				StandardStreams.errorLine("Stopped at " + script + " line " + (i + 1) + ": " + text);
				return status;
			}
		}
		return 0;
	}

	/** Runs one command line and returns its exit status; failures are reported on stderr, never as stack traces. */
	int execute(String line, PrintWriter out, InputReader input) {
		try {
			var asked = askedForHelp(line);
			if (asked != null) {
				// COMMAND --help says what help COMMAND says (Spring Shell would print the help attribute alone)
				out.println(HelpCommands.usage(asked));
				return 0;
			}
			var parsed = this.parser.parse(line);
			var command = this.registry.getCommandByName(parsed.subCommands().isEmpty() ? parsed.commandName()
					: parsed.commandName() + " " + String.join(" ", parsed.subCommands()));
			if (command != null) {
				var unknown = unknownOption(command, parsed);
				if (unknown != null) {
					StandardStreams.errorLine(Refusals.unknownOption(unknown, usage(command)));
					return Refusals.USAGE;
				}
				if (!declares(command, TOKEN)) {
					// --token is every command's: it is the session's token for this one command
					this.session.tokenForOneCommand(valueOf(parsed, TOKEN));
					parsed = without(parsed, TOKEN);
				}
			}
			var context = new CommandContext(parsed, this.registry, out, input);
			var status = (command == null) ? this.executor.execute(context)
					: Refusals.inCommand(wordsOf(command), () -> this.executor.execute(context));
			return exitCodeOf(status);
		}
		catch (CommandNotFoundException ex) {
			StandardStreams
				.errorLine("Error: there is no command '" + ex.getCommandName() + "'. Type help to list the commands");
			return Refusals.USAGE;
		}
		catch (RuntimeException ex) {
			// a usage error from the parser, or a failure of a built-in command that no mapper reported
			var refusal = Refusals.of(ex);
			if (!refusal.quiet()) {
				StandardStreams.errorLine(refusal.line());
			}
			return refusal.exitCode();
		}
		finally {
			this.session.tokenForOneCommand(null);
			out.flush();
		}
	}

	/** The first option the command does not have ({@code --bogus}), or null. */
	private static String unknownOption(Command command, ParsedInput parsed) {
		for (var option : parsed.options()) {
			var name = (option.longName() != null && !option.longName().isEmpty()) ? option.longName() : null;
			if (name != null ? !(declares(command, name) || name.equals(TOKEN) || name.equals("help"))
					: !(option.shortName() == 'h' || command.getOptions()
						.stream()
						.anyMatch((declared) -> declared.shortName() == option.shortName()))) {
				return (name != null) ? "--" + name : "-" + option.shortName();
			}
		}
		return null;
	}

	/**
	 * The command whose {@code --help} (or {@code -h}) is on the line, or null. Read from the words, before the
	 * parser, which wants a value after an option the command does not declare.
	 */
	private Command askedForHelp(String line) {
		var words = Arrays.asList(line.strip().split("\\s+"));
		if (!words.contains("--help") && !words.contains("-h")) {
			return null;
		}
		for (int size = words.size(); size > 0; size--) {
			var command = this.registry.getCommandByName(String.join(" ", words.subList(0, size)));
			if (command != null) {
				return command;
			}
		}
		return null;
	}

	private static boolean declares(Command command, String longName) {
		return command.getOptions().stream().anyMatch((option) -> longName.equals(option.longName()));
	}

	private static Refusals.CommandWords wordsOf(Command command) {
		var options = new HashSet<String>();
		command.getOptions().forEach((option) -> options.add(option.longName()));
		return new Refusals.CommandWords(options, usage(command));
	}

	/** The command's usage, as its help begins ({@code events [--venue PART] ...: ...}). */
	static String usage(Command command) {
		var help = (command.getHelp() != null) ? command.getHelp() : "";
		var end = help.indexOf(": ");
		if (help.startsWith(command.getName()) && end > 0) {
			return help.substring(0, end);
		}
		var usage = new StringBuilder(command.getName());
		for (var option : command.getOptions()) {
			usage.append(" [--").append(option.longName()).append(']');
		}
		return usage.toString();
	}

	private static String valueOf(ParsedInput parsed, String longName) {
		return parsed.options()
			.stream()
			.filter((option) -> longName.equals(option.longName()))
			.map(CommandOption::value)
			.reduce((first, last) -> last)
			.orElse(null);
	}

	private static ParsedInput without(ParsedInput parsed, String longName) {
		return new ParsedInput(parsed.commandName(), parsed.subCommands(),
				parsed.options().stream().filter((option) -> !longName.equals(option.longName())).toList(),
				parsed.arguments());
	}

	/** True for a person at a terminal (asked twice for a new password); false for lines of stdin. */
	static boolean isTerminal(InputReader input) {
		return !(input instanceof StandardInput) || System.console() != null;
	}

	private void interact() {
		var provider = this.terminal.getObject();
		var reader = provider.getLineReader();
		var out = reader.getTerminal().writer();
		var input = new JLineInputReader(reader);
		// tables fit the terminal, as wide as it is when each is drawn
		Texts.useTerminalWidth(() -> reader.getTerminal().getWidth());
		out.println("Seatline shell. Type help to list the commands, exit to leave.");
		out.flush();
		while (true) {
			String line;
			try {
				line = provider.readInput();
			}
			catch (UserInterruptException ex) {
				// Ctrl-C drops the line being typed
				continue;
			}
			catch (EndOfFileException ex) {
				break;
			}
			if (line == null || line.strip().equals("exit") || line.strip().equals("quit")) {
				break;
			}
			if (!line.isBlank() && !line.strip().startsWith("#")) {
				execute(line.strip(), out, input);
			}
		}
	}

	private static int exitCodeOf(ExitStatus status) {
		if (status.code() >= 0) {
			return status.code();
		}
		return (status.code() == ExitStatus.USAGE_ERROR.code()) ? Refusals.USAGE : Refusals.UNEXPECTED;
	}

	/**
	 * The arguments as one command line for Spring Shell's parser: quoted again where the shell that started us
	 * removed the quotes, and the value of an option that takes one kept as its value whatever it looks like (a
	 * token may start with {@code -}).
	 */
	String commandLine(String[] arguments) {
		Command command = null;
		for (int words = arguments.length; words > 0 && command == null; words--) {
			command = this.registry.getCommandByName(String.join(" ", Arrays.asList(arguments).subList(0, words)));
		}
		var valued = new HashSet<String>();
		valued.add("--" + TOKEN);
		if (command != null) {
			for (var option : command.getOptions()) {
				if (option.type() != boolean.class && option.type() != Boolean.class) {
					valued.add("--" + option.longName());
					valued.add("-" + option.shortName());
				}
			}
		}
		var line = new ArrayList<String>();
		for (int i = 0; i < arguments.length; i++) {
			if (valued.contains(arguments[i]) && i + 1 < arguments.length) {
				line.add(arguments[i] + "=" + quoted(arguments[++i]));
			}
			else if (arguments[i].isEmpty()
					|| arguments[i].chars().anyMatch((c) -> Character.isWhitespace(c) || c == '"')) {
				line.add(quoted(arguments[i]));
			}
			else {
				line.add(arguments[i]);
			}
		}
		return String.join(" ", line);
	}

	private static String quoted(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	/** Input when no terminal runs the shell: a masked prompt where there is a console, else lines of stdin. */
	static final class StandardInput implements InputReader {

		@Override
		public String readInput(String prompt) {
			var console = System.console();
			return (console != null) ? console.readLine("%s", prompt) : StandardStreams.readStdinLine();
		}

		@Override
		public char[] readPassword(String prompt) {
			var console = System.console();
			if (console != null) {
				return console.readPassword("%s", prompt);
			}
			var line = StandardStreams.readStdinLine();
			return (line != null) ? line.toCharArray() : null;
		}
	}
}
