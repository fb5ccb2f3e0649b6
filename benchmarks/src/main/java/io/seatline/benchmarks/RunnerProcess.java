package io.seatline.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged runner, started as a user starts it (its launcher {@code bin/seatline-runner}, else {@code java -jar};
 * see {@link Build#command}), and its resident memory.
 */
final class RunnerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final Process process;

	private final SeatlineApi.Endpoint endpoint;

	private final Path log;

	private final Rss.Sampler rss;

	private final Duration startup;

	private RunnerProcess(Process process, SeatlineApi.Endpoint endpoint, Path log, Duration startup) {
		this.process = process;
		this.endpoint = endpoint;
		this.log = log;
		this.startup = startup;
		this.rss = new Rss.Sampler(process.pid());
	}

	/**
	 * Starts the runner in {@code workDir} (its email outbox goes there) with the environment given plus
	 * {@code PORT}, and returns once {@code POST /ping} answers.
	 */
	static RunnerProcess start(Path jar, Path workDir, String name, Map<String, String> environment)
			throws Exception {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No packaged runner at " + jar.toAbsolutePath()
					+ "; build it first: ./mvnw -q -DskipTests package");
		}
		int port = freePort();
		var log = workDir.resolve(name + ".log");
		var builder = new ProcessBuilder(Build.command(jar, Build.RUNNER_LAUNCHER)).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(Build.environment());
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		long launched = System.nanoTime();
		var process = builder.start();
		var endpoint = new SeatlineApi.Endpoint("127.0.0.1", port);
		awaitPing(process, endpoint, log);
		return new RunnerProcess(process, endpoint, log, Duration.ofNanos(System.nanoTime() - launched));
	}

	SeatlineApi.Endpoint endpoint() {
		return this.endpoint;
	}

	long pid() {
		return this.process.pid();
	}

	/** From the start command (see {@link Build#command}) to the first answer of {@code ping}. */
	Duration startup() {
		return this.startup;
	}

	Rss.Sampler rss() {
		return this.rss;
	}

	Path log() {
		return this.log;
	}

	/** Fails when the runner has ended: a measurement of a dead runner measures nothing. */
	void requireAlive() {
		if (!this.process.isAlive()) {
			int exit = this.process.exitValue();
			throw new IllegalStateException("The runner (pid " + this.process.pid() + ") ended with exit status " + exit
					+ ((exit == 143) ? " (SIGTERM: stopped from outside the benchmark)" : (exit == 137)
							? " (SIGKILL: killed from outside, or out of memory)" : "")
					+ "; its log: " + this.log);
		}
	}

	/**
	 * Kills the runner with SIGKILL, as a power cut or the OOM killer would (no shutdown hook, no flush), and returns
	 * its exit status once it has ended: 137 for SIGKILL. The process is the JVM itself (the launcher ends in
	 * {@code exec java}), so nothing of the runner outlives the signal.
	 */
	int kill() throws InterruptedException {
		this.rss.close();
		this.process.destroyForcibly();
		return this.process.waitFor();
	}

	/** The command line the operating system reports for the process: the {@code java} binary, not a wrapper. */
	String command() {
		return this.process.info().command().orElse("?");
	}

	/** Stops the runner as Ctrl-C would, and waits for it to end (forcibly after 30 s). */
	@Override
	public void close() throws InterruptedException {
		this.rss.close();
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor();
			}
		}
	}

	static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitPing(Process process, SeatlineApi.Endpoint endpoint, Path log) throws Exception {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The runner exited at start; its log:\n" + Files.readString(log));
			}
			try (var api = new SeatlineApi(endpoint)) {
				if (api.call("ping", Map.of(), null).status() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The runner did not answer ping within " + START_TIMEOUT + "; see " + log);
	}
}
