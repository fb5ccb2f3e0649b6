package io.seatline.shell;

import java.util.HashMap;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.shell.jline.PromptProvider;

/**
 * Starts the shell against {@code DATABASE_URL}, like the runner. Without arguments it opens an interactive session;
 * with arguments it runs them as one command ({@code invoke browseEvents}) or a script ({@code @commands.txt}) and
 * exits with the command's status. The jar starts in {@link ShellMain}, which
 * runs {@code invoke ... --url URL} without any of this.
 */
@SpringBootApplication
public class SeatlineShell {

	public static void main(String[] args) {
		var interactive = args.length == 0;
		if (!interactive) {
			// stdout belongs to the command's output (JSON, CSV): whatever anything prints while the engine starts,
			// such as the admin password notice of a new database, goes to stderr instead
			StandardStreams.keepStdoutForCommands();
		}
		var application = new SpringApplication(SeatlineShell.class);
		var defaults = new HashMap<String, Object>();
		defaults.put("spring.shell.interactive.enabled", interactive);
		// no history file for one command or a script
		defaults.put("spring.shell.history.enabled", interactive);
		application.setDefaultProperties(defaults);
		// the arguments are a command and its options (--venue, --token), not settings of the application
		application.setAddCommandLineProperties(false);
		int status;
		try {
			var context = application.run(args);
			status = SpringApplication.exit(context);
		}
		catch (SpringApplication.AbandonedRunException ex) {
			// the build's Spring AOT processing (process-aot) stops the run once the context is worked out
			throw ex;
		}
		catch (RuntimeException ex) {
			// the shell could not start (a bad DATABASE_URL, a database it cannot open): one line, no stack trace
			status = StandardStreams.reportStartFailure(ex);
		}
		StandardStreams.flush();
		System.exit(status);
	}

	@Bean(Refusals.AS_MESSAGE)
	ExitStatusExceptionMapper refusalsAsMessages() {
		return Refusals.asMessages();
	}

	@Bean(Refusals.AS_JSON)
	ExitStatusExceptionMapper refusalsAsJson() {
		return Refusals.asJson();
	}

	/** The prompt names whoever signed in with {@code login}. */
	@Bean
	PromptProvider seatlinePrompt(Session session) {
		return () -> new AttributedString((session.username() != null) ? "seatline(" + session.username() + ")> "
				: "seatline> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
	}

	/**
	 * Lazy initialization keeps the terminal and other unused beans from being built for one command; beans that do
	 * their work once every singleton is ready (the engine's admin-account bootstrap on a new database, the command
	 * registry) are still created at start.
	 */
	@Bean
	static LazyInitializationExcludeFilter seatlineEagerInitializers() {
		return LazyInitializationExcludeFilter.forBeanTypes(SmartInitializingSingleton.class);
	}
}
