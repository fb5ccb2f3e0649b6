package io.seatline.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code start}: how long the runner takes from {@code java -jar} to its first {@code ping} answer, on a new database
 * (migrations run) and again on the same one, with its idle memory; and one shell invocation
 * ({@code invoke browseEvents}) on that database, its wall time and peak memory.
 */
final class Starts {

	private static final Duration SHELL_TIMEOUT = Duration.ofMinutes(3);

	private Starts() {
	}

	static List<Measurement> measure(Options options, Build build, String databaseUrl, Path workDir,
			PrintStream log) throws Exception {
		var environment = Map.of("DATABASE_URL", databaseUrl, "ADMIN_PASSWORD", Stage.ADMIN_PASSWORD);
		var measurements = new ArrayList<Measurement>();
		measurements.add(runner(options, build, workDir, "new database", environment));
		measurements.add(runner(options, build, workDir, "existing database", environment));
		measurements.add(shell(build, workDir, databaseUrl));
		measurements.forEach(m -> log.println("  " + Report.line(m)));
		return measurements;
	}

	private static Measurement runner(Options options, Build build, Path workDir, String database,
			Map<String, String> environment) throws Exception {
		var before = Cpu.Snapshot.take();
		try (var runner = RunnerProcess.start(build.runnerJar(), workDir, "start-" + database.replace(' ', '-'),
				environment)) {
			var cpu = before.sinceStartOf(Cpu.Snapshot.ticksOf(runner.pid()));
			// idle: started, answered, nothing asked of it since
			Thread.sleep(options.smoke() ? 200 : 2000);
			double idle = Rss.mib(Rss.kib(runner.pid()));
			return Measurement.once(Scenario.START.label(), "runner: java -jar to first ping, " + database,
					runner.startup().toMillis(), idle, true, cpu, Map.of("idleRssMb", idle));
		}
	}

	private static Measurement shell(Build build, Path workDir, String databaseUrl) throws Exception {
		if (!Files.isRegularFile(build.shellJar())) {
			throw new IllegalStateException("No packaged shell at " + build.shellJar().toAbsolutePath()
					+ "; build it first: ./mvnw -q -DskipTests package");
		}
		var output = workDir.resolve("shell-output.json");
		var builder = new ProcessBuilder(RunnerProcess.javaCommand(), "-jar",
				build.shellJar().toAbsolutePath().toString(), "invoke", "browseEvents")
			.directory(workDir.toFile())
			.redirectOutput(output.toFile())
			.redirectError(workDir.resolve("shell-error.log").toFile());
		builder.environment().put("DATABASE_URL", databaseUrl);
		var before = Cpu.Snapshot.take();
		long started = System.nanoTime();
		var process = builder.start();
		try (var stdin = process.getOutputStream()) {
			stdin.write("{}".getBytes(StandardCharsets.UTF_8));
		}
		long peak = 0;
		long ticks = 0;
		while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
			peak = Math.max(peak, Rss.kib(process.pid()));
			ticks = Math.max(ticks, Cpu.Snapshot.ticksOf(process.pid()));
			if (System.nanoTime() - started > SHELL_TIMEOUT.toNanos()) {
				process.destroyForcibly();
				break;
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		var cpu = before.sinceStartOf(ticks);
		int exit = process.waitFor();
		var json = Files.readString(output).trim();
		boolean ok = exit == 0 && json.startsWith("[");
		return Measurement.once(Scenario.START.label(), "shell: invoke browseEvents (wall time, peak RSS)", millis,
				Rss.mib(peak), ok, cpu, Map.of("exit", exit));
	}
}
