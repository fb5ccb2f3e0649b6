package io.seatline.shell;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard streams, in UTF-8 whatever the platform's default. When the shell runs one command or a
 * script, stdout carries nothing but the commands' output: {@link System#out} is pointed at stderr for everything
 * else (start-up notices, stray prints), and the commands write to {@link #stdout()}.
 */
final class StandardStreams {

	private static final PrintWriter STDOUT = new PrintWriter(
			new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));

	private static BufferedReader stdin;

	private StandardStreams() {
	}

	/** The rest of stdin, as text (the JSON body of {@code invoke}). */
	static synchronized String readStdin() {
		try {
			var text = new StringBuilder();
			var buffer = new char[8192];
			for (int read; (read = stdin().read(buffer)) >= 0;) {
				text.append(buffer, 0, read);
			}
			return text.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read stdin", ex);
		}
	}

	/**
	 * Whether stdin is a terminal (a person would have to type the body), not a pipe or a file. Java 17 only tells
	 * whether stdin and stdout both are; on Linux {@code /proc} tells for stdin alone.
	 */
	static boolean stdinIsTerminal() {
		try {
			var target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0")).toString();
			return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			return System.console() != null;
		}
	}

	/** One line of stdin without its line end, or null at its end (a password piped to a script). */
	static synchronized String readStdinLine() {
		try {
			return stdin().readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read stdin", ex);
		}
	}

	private static BufferedReader stdin() {
		if (stdin == null) {
			stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		}
		return stdin;
	}

	/** Sends {@link System#out} to stderr, so that only {@link #stdout()} reaches the real stdout. */
	static void keepStdoutForCommands() {
		System.setOut(System.err);
	}

	/** The real stdout, for the commands' output. */
	static PrintWriter stdout() {
		return STDOUT;
	}

	/** Stderr, for messages; made anew each time so that it follows {@link System#setErr}. */
	static PrintWriter stderr() {
		return new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
	}

	/**
	 * Writes an error line to stderr: red when stderr is a terminal and {@code NO_COLOR} is not set
	 * (<a href="https://no-color.org">no-color.org</a>), plain otherwise (a pipe, a file, a script's log).
	 */
	static void errorLine(String line) {
		var colour = colourOn(System.getenv("NO_COLOR"), System.getenv("TERM"), System.console() != null);
		stderr().println(painted(line, colour));
	}

	/** Whether error lines are red: at a terminal that has colours, unless {@code NO_COLOR} is set to anything. */
	static boolean colourOn(String noColor, String term, boolean terminal) {
		return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
	}

	static String painted(String line, boolean colour) {
		return colour ? "\u001B[31m" + line + "\u001B[0m" : line;
	}

	static void flush() {
		STDOUT.flush();
		System.err.flush();
	}

	/** Tells why the shell could not start, in one line, and returns the exit status. */
	static int reportStartFailure(Throwable ex) {
		stderr().println("The shell could not start: " + Refusals.rootMessageOf(ex));
		return Refusals.UNEXPECTED;
	}
}
