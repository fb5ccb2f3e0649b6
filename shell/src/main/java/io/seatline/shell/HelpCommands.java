package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.utils.Utils;
import org.springframework.stereotype.Component;

/**
 * {@code help}, {@code help COMMAND} (the same text as {@code COMMAND --help}) and {@code version}, in place of Spring
 * Shell's: each option on a line of its own with what it means, and Seatline's version rather than Spring Shell's.
 */
@Component
class HelpCommands {

	private final ObjectProvider<BuildProperties> build;

	HelpCommands(ObjectProvider<BuildProperties> build) {
		this.build = build;
	}

	@org.springframework.shell.core.command.annotation.Command(name = "help", group = "Built-In Commands",
			description = "List the commands, or explain one: help [COMMAND]",
			help = "help [COMMAND]: without a command, every command with what it does; with one, how to use it (as COMMAND --help)",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String help(@Arguments List<String> words, CommandContext context) {
		// the registry comes with the call: it is built from the commands, this one among them
		var registry = context.commandRegistry();
		if (words == null || words.isEmpty()) {
			return Utils.formatAvailableCommands(registry).stripTrailing();
		}
		var name = String.join(" ", words);
		var command = registry.getCommandByName(name);
		if (command == null) {
			throw new IllegalArgumentException("There is no command '" + name + "'. Type help to list the commands");
		}
		return usage(command);
	}

	@org.springframework.shell.core.command.annotation.Command(name = "version", group = "Built-In Commands",
			description = "Seatline's version", help = "version: the version of this Seatline build",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String version() {
		var properties = this.build.getIfAvailable();
		var version = (properties != null) ? properties.getVersion() : ShellMain.class.getPackage().getImplementationVersion();
		var line = "Seatline " + ((version != null) ? version : "(version unknown: not built by Maven)");
		return (properties != null && properties.getTime() != null) ? line + ", built " + properties.getTime() : line;
	}

	/** How to use one command: what it does, its synopsis, then each option on a line with what it means. */
	static String usage(Command command) {
		var text = new StringBuilder(command.getName()).append(" - ").append(command.getDescription());
		if (command.getHelp() != null && !command.getHelp().isBlank()) {
			text.append(System.lineSeparator()).append(System.lineSeparator()).append(command.getHelp());
		}
		var lines = new ArrayList<String[]>();
		for (var option : command.getOptions()) {
			if (option.longName() == null || option.longName().equals("help")) {
				continue;
			}
			var description = (option.description() != null) ? option.description() : "";
			if (Boolean.TRUE.equals(option.required())) {
				description += " (required)";
			}
			lines.add(new String[] { "--" + option.longName() + placeholder(option), description });
		}
		if (!lines.isEmpty()) {
			int width = lines.stream().mapToInt((line) -> line[0].length()).max().orElse(0);
			text.append(System.lineSeparator()).append(System.lineSeparator()).append("Options:");
			for (var line : lines) {
				text.append(System.lineSeparator())
					.append("  ")
					.append(line[0])
					.append(" ".repeat(width - line[0].length() + 2))
					.append(line[1]);
			}
		}
		return text.toString();
	}

	private static String placeholder(CommandOption option) {
		var type = option.type();
		if (type == boolean.class || type == Boolean.class) {
			return "";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return " N";
		}
		return " " + option.longName().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
	}
}
