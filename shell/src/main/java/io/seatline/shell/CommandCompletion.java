package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * The completion of one command's values: a lookup for each argument by position (or one for the first and one for
 * every argument after it, as seats are) and one for each option that takes an id. A lookup that fails (nobody
 * signed in, a refusal, an unknown event) offers nothing: Tab never prints an error.
 */
final class CommandCompletion implements CompletionProvider {

	/** The most candidates one Tab offers. */
	static final int MOST = 200;

	private final List<Lookup> arguments;

	private final Lookup rest;

	private final Map<String, Lookup> options;

	private CommandCompletion(List<Lookup> arguments, Lookup rest, Map<String, Lookup> options) {
		this.arguments = arguments;
		this.rest = rest;
		this.options = options;
	}

	/** Completes the arguments by position. */
	static CommandCompletion arguments(Lookup... arguments) {
		return new CommandCompletion(List.of(arguments), null, Map.of());
	}

	/** Completes the first argument with {@code first} and every argument after it with {@code rest}. */
	static CommandCompletion firstThenEach(Lookup first, Lookup rest) {
		return new CommandCompletion(List.of(first), rest, Map.of());
	}

	/** Completes the values of the options named (their long names). */
	static CommandCompletion options(Map<String, Lookup> options) {
		return new CommandCompletion(List.of(), null, options);
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		try {
			var typed = typed(context);
			Lookup lookup;
			var option = context.getCommandOption();
			if (option != null) {
				lookup = this.options.get(option.longName());
			}
			else {
				var before = arguments(context);
				lookup = (before.size() < this.arguments.size()) ? this.arguments.get(before.size()) : this.rest;
				typed = new Typed(before, typed.prefix(), typed.word());
			}
			if (lookup == null) {
				return List.of();
			}
			return lookup.find(typed).stream().limit(MOST).toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	// the word under the cursor up to the cursor; "--event=" of "--event=6t" is kept as the values' prefix
	private static Typed typed(CompletionContext context) {
		var word = context.currentWordUpToCursor();
		if (word == null) {
			word = "";
		}
		var option = context.getCommandOption();
		var prefix = "";
		if (option != null && word.startsWith("--" + option.longName() + "=")) {
			prefix = "--" + option.longName() + "=";
			word = word.substring(prefix.length());
		}
		return new Typed(List.of(), prefix, word);
	}

	// the arguments typed before the cursor: the words after the command's name that are no option or its value
	private static List<String> arguments(CompletionContext context) {
		var words = context.getWords();
		int start = context.getCommand().getName().split(" ").length;
		var arguments = new ArrayList<String>();
		for (int i = start; i < Math.min(context.getWordIndex(), words.size()); i++) {
			var word = words.get(i);
			if (word.startsWith("-")) {
				// every option of these commands takes a value: "--reason TEXT"
				if (!word.contains("=")) {
					i++;
				}
			}
			else {
				arguments.add(word);
			}
		}
		return arguments;
	}

	/**
	 * What was typed: the arguments before the cursor, and the word under it (after {@code prefix}, which every
	 * candidate keeps).
	 */
	record Typed(List<String> arguments, String prefix, String word) {

		/** The last item of a comma list being typed ({@code A1,A2,A}), the items before it kept as the prefix. */
		Typed lastOfList() {
			int comma = this.word.lastIndexOf(',');
			return new Typed(this.arguments, this.prefix + this.word.substring(0, comma + 1),
					this.word.substring(comma + 1));
		}

		/** A proposal whose value keeps what comes before the completed part of the word. */
		CompletionProposal proposal(String value, String description) {
			return new CompletionProposal(this.prefix + value).displayText(value).description(description);
		}
	}

	/** Finds the candidates for what was typed, with one function call at most. */
	@FunctionalInterface
	interface Lookup {

		List<CompletionProposal> find(Typed typed);
	}
}
