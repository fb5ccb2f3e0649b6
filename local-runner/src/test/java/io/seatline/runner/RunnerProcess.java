package io.seatline.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged runner started as a real operating-system process, as a user starts it: through its launcher
 * {@code bin/seatline-runner} (Spring AOT and the class cache when the build made them), else {@code java -jar}.
 */
final class RunnerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private RunnerProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the runner with the environment and {@code -D} settings given, and waits until it answers. */
	static RunnerProcess start(String name, Map<String, String> environment, Map<String, String> settings)
			throws Exception {
		var jar = Path.of(System.getProperty("runner.jar", "target/seatline-runner.jar"));
		if (!Files.exists(jar)) {
			throw new IllegalStateException("No packaged runner at " + jar + "; run ./mvnw verify");
		}
		var port = freePort();
		var log = Path.of("target", "it-logs", name + ".log");
		Files.createDirectories(log.getParent());
		var options = settings.entrySet().stream().map((setting) -> "-D" + setting.getKey() + "=" + setting.getValue())
			.toList();
		var launcher = Path.of(System.getProperty("runner.launcher", "../bin/seatline-runner"));
		var command = new ArrayList<String>();
		if (Files.isExecutable(launcher)) {
			command.add(launcher.toString());
		}
		else {
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(options);
			command.addAll(List.of("-jar", jar.toString()));
		}
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// the launcher runs this JVM, with the settings among its options (no setting has a space in it)
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("JAVA_OPTS", String.join(" ", options));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		var runner = new RunnerProcess(builder.start(), port, log);
		runner.awaitReady(Duration.ofSeconds(120));
		return runner;
	}

	int port() {
		return this.port;
	}

	Api http() {
		return new Api(this.port);
	}

	/** kill -9: no shutdown hook, no flush, nothing the process could do about it. Returns the exit status. */
	int kill() throws InterruptedException {
		this.process.destroyForcibly();
		return this.process.waitFor();
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws Exception {
		if (this.process.isAlive()) {
			this.process.destroy();
			this.process.waitFor();
		}
	}

	private void awaitReady(Duration timeout) throws Exception {
		var deadline = System.nanoTime() + timeout.toNanos();
		var http = http();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The runner exited at start:\n" + log());
			}
			try {
				if (http.post("browseEvents", "{}", null).status() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The runner did not answer within " + timeout + ":\n" + log());
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
