package io.seatline.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.seatline.otherprocess.WriteLockHolder;

/** The write lock of an SQLite file held by another operating-system process ({@link WriteLockHolder}). */
final class WriteLock implements AutoCloseable {

	private final Process process;

	private final BufferedReader out;

	private final Writer in;

	private WriteLock(Process process) {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
	}

	/** Starts the other process on the file and returns once it holds the lock. */
	static WriteLock takenByAnotherProcess(Path database) throws IOException {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), WriteLockHolder.class.getName(), database.toString(), "120"))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		var lock = new WriteLock(process);
		lock.expect("LOCKED");
		return lock;
	}

	/** Tells the other process to roll back, and returns once it did. */
	void release() throws IOException {
		this.in.write("release\n");
		this.in.flush();
		expect("RELEASED");
	}

	private void expect(String word) throws IOException {
		for (var line = this.out.readLine(); line != null; line = this.out.readLine()) {
			if (line.equals(word)) {
				return;
			}
		}
		throw new IllegalStateException("The lock holder ended before it said " + word);
	}

	@Override
	public void close() throws Exception {
		try {
			// the holder lets go when its stdin closes
			this.in.close();
		}
		catch (IOException alreadyGone) {
			// it ended by itself
		}
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}
}
