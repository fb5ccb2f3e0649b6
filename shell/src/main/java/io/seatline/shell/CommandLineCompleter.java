package io.seatline.shell;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.stereotype.Component;

/**
 * What Tab offers in the interactive session: Spring Shell's completion, and also for the words after a command's
 * first argument. Spring Shell 4.0.1 finds the command only when the words before the first option are exactly its
 * name, so {@code book EVENT A} or {@code seats 6t} would offer nothing; here the command is the longest run of
 * leading words that names one, and its completion provider is asked for the word under the cursor.
 */
@Component
class CommandLineCompleter extends CommandCompleter {

	private final CommandRegistry registry;

	CommandLineCompleter(CommandRegistry registry) {
		super(registry);
		this.registry = registry;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		super.complete(reader, line, candidates);
		var words = line.words();
		int index = line.wordIndex();
		int beforeOptions = beforeOptions(words, words.size());
		if (this.registry.getCommandByName(String.join(" ", words.subList(0, beforeOptions)).strip()) != null) {
			// Spring Shell found the command itself and asked its provider
			return;
		}
		var command = commandBefore(words, Math.min(index, beforeOptions(words, index)));
		if (command == null) {
			return;
		}
		var option = optionBefore(command, words, index);
		if (option == null) {
			for (var each : command.getOptions()) {
				if (each.longName() != null && !each.longName().isEmpty() && !words.contains("--" + each.longName())) {
					candidates.add(new Candidate("--" + each.longName()));
				}
			}
		}
		var context = new CompletionContext(words, index, line.wordCursor(), command, option);
		for (var proposal : command.getCompletionProvider().apply(context)) {
			candidates.add(new Candidate(proposal.value(), proposal.displayText(), proposal.category(),
					proposal.description(), null, null, proposal.complete(), 0));
		}
	}

	// the longest run of leading words (before the word at end) that names a command
	private Command commandBefore(List<String> words, int end) {
		for (int length = end; length > 0; length--) {
			var command = this.registry.getCommandByName(String.join(" ", words.subList(0, length)));
			if (command != null) {
				return command;
			}
		}
		return null;
	}

	// the option whose value is being typed: "--event 6t" or "--event=6t"
	private static CommandOption optionBefore(Command command, List<String> words, int index) {
		var word = (index < words.size()) ? words.get(index) : "";
		for (var option : command.getOptions()) {
			if ((index > 0 && option.isOptionEqual(words.get(index - 1)))
					|| (option.longName() != null && word.startsWith("--" + option.longName() + "="))) {
				return option;
			}
		}
		return null;
	}

	private static int beforeOptions(List<String> words, int end) {
		for (int i = 0; i < end; i++) {
			if (words.get(i).startsWith("-")) {
				return i;
			}
		}
		return end;
	}
}
