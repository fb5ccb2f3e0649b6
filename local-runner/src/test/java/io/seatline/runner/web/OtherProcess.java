package io.seatline.runner.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.seatline.otherprocess.OtherProcessBookings;

/** Starts {@link OtherProcessBookings} in its own JVM on the same SQLite file, and calls functions through it. */
final class OtherProcess implements AutoCloseable {

	private final Process process;

	private final BufferedReader out;

	private final Writer in;

	private OtherProcess(Process process) {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
	}

	static OtherProcess start(Path database) throws IOException {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var log = Path.of("target", "other-process.log");
		Files.createDirectories(log.getParent());
		var process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), "-DDATABASE_URL=jdbc:sqlite:" + database,
				// like the shell, it only schedules the emails of its bookings: the runner under test sends them
				"-Dseatline.jobs.worker=false",
				"-Dspring.main.banner-mode=off", "-Dlogging.level.root=WARN",
				OtherProcessBookings.class.getName())
			.redirectError(log.toFile())
			.start();
		var other = new OtherProcess(process);
		other.expect("READY");
		return other;
	}

	/** Calls a function in the other process: the JSON output, or an AssertionError with the error code. */
	String call(String function, String token, String json) {
		try {
			this.in.write(function + " " + ((token != null) ? token : "-") + " " + json + "\n");
			this.in.flush();
			var answer = expect("OK ", "ERROR ");
			if (answer.startsWith("ERROR ")) {
				throw new AssertionError(function + " failed in the other process: " + answer);
			}
			return answer.substring(3);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String expect(String... prefixes) throws IOException {
		for (var line = this.out.readLine(); line != null; line = this.out.readLine()) {
			for (var prefix : prefixes) {
				if (line.startsWith(prefix)) {
					return line;
				}
			}
		}
		throw new IllegalStateException("The other process ended; see target/other-process.log");
	}

	@Override
	public void close() throws Exception {
		this.in.close();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroy();
		}
	}
}
