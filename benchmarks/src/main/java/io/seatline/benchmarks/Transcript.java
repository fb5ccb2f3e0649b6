package io.seatline.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a command prints: to the console as it comes, and kept, to be written to a text file at the end. */
final class Transcript {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream log;

	Transcript(PrintStream out) {
		this.log = new PrintStream(new Tee(out, this.printed), true, StandardCharsets.UTF_8);
	}

	PrintStream log() {
		return this.log;
	}

	/** Writes everything printed so far to {@code file}. */
	Path writeTo(Path file) throws IOException {
		this.log.flush();
		Files.createDirectories(file.toAbsolutePath().getParent());
		return Files.write(file, this.printed.toByteArray());
	}

	/** Writes to two streams at once. */
	private static final class Tee extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		Tee(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws IOException {
			this.first.write(b);
			this.second.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.first.write(bytes, offset, length);
			this.second.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.first.flush();
			this.second.flush();
		}
	}
}
