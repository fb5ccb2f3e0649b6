package io.seatline.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run to its end, as one command of a script runs (a shell invocation, {@code java -version}): its wall
 * time, its peak resident memory sampled every 5 ms, its CPU, its exit status and its standard output.
 *
 * @param millis from its start to its end
 * @param peakKib the highest resident set seen, in KiB
 * @param cpu the process's cores (as the "runner"), this process's, and anything else's
 * @param exit its exit status
 * @param output its standard output, trimmed
 */
record OneShot(long millis, long peakKib, Cpu cpu, int exit, String output) {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	/**
	 * Runs {@code command} in {@code workDir} with {@code environment} added to the launcher's, {@code stdin} on its
	 * standard input; its output goes to {@code NAME-output.txt} and {@code NAME-error.log} there. Killed after 3
	 * minutes.
	 */
	static OneShot run(String name, List<String> command, Path workDir, Map<String, String> environment, String stdin)
			throws Exception {
		var output = workDir.resolve(name + "-output.txt");
		var builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectOutput(output.toFile())
			.redirectError(workDir.resolve(name + "-error.log").toFile());
		builder.environment().putAll(Build.environment());
		builder.environment().putAll(environment);
		var before = Cpu.Snapshot.take();
		long started = System.nanoTime();
		var process = builder.start();
		try (var in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		long peak = 0;
		long ticks = 0;
		while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
			peak = Math.max(peak, Rss.kib(process.pid()));
			ticks = Math.max(ticks, Cpu.Snapshot.ticksOf(process.pid()));
			if (System.nanoTime() - started > TIMEOUT.toNanos()) {
				process.destroyForcibly();
				break;
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		var cpu = before.sinceStartOf(ticks);
		int exit = process.waitFor();
		return new OneShot(millis, peak, cpu, exit, Files.readString(output).trim());
	}

	/** The packaged shell's command (its launcher, see {@link Build#command}) followed by {@code arguments}. */
	static List<String> shell(Build build, List<String> arguments) {
		if (!Files.isRegularFile(build.shellJar())) {
			throw new IllegalStateException("No packaged shell at " + build.shellJar().toAbsolutePath()
					+ "; build it first: ./mvnw -q -DskipTests package");
		}
		var command = new ArrayList<>(Build.command(build.shellJar(), Build.SHELL_LAUNCHER));
		command.addAll(arguments);
		return command;
	}
}
