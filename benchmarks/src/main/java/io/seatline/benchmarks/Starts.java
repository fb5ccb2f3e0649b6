package io.seatline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code start}: how long the runner takes from its start command (see {@link Build#command}) to its first
 * {@code ping} answer, on a new database (migrations run) and again on the same one, with its idle memory; one shell
 * invocation ({@code invoke browseEvents}) on that database, and one sent to the running runner with {@code --url},
 * their wall time and peak memory; and {@code java -version} beside them, the floor of any JVM's start on this machine
 * at this moment.
 */
final class Starts {

	private Starts() {
	}

	static List<Measurement> measure(Options options, Build build, String databaseUrl, Path workDir,
			PrintStream log) throws Exception {
		var environment = Map.of("DATABASE_URL", databaseUrl, "ADMIN_PASSWORD", Stage.ADMIN_PASSWORD);
		var measurements = new ArrayList<Measurement>();
		measurements.add(process("java -version (the JVM alone)", List.of(RunnerProcess.javaCommand(), "-version"),
				workDir, Map.of(), (exit, output) -> exit == 0));
		measurements.add(runner(options, build, workDir, "new database", environment, null));
		measurements.add(runner(options, build, workDir, "existing database", environment, null));
		measurements.add(shell(build, workDir, Map.of("DATABASE_URL", databaseUrl), List.of()));
		measurements.add(runner(options, build, workDir, "existing database", environment, (runner) -> shell(build,
				workDir, Map.of(), List.of("--url", "http://" + runner.endpoint().host() + ":" + runner.endpoint().port()))));
		measurements.forEach(m -> log.println("  " + Report.line(m)));
		return measurements;
	}

	/**
	 * The runner's start, or (with {@code whileUp}) what {@code whileUp} measures once the runner is up, idle.
	 */
	private static Measurement runner(Options options, Build build, Path workDir, String database,
			Map<String, String> environment, Measured whileUp) throws Exception {
		var before = Cpu.Snapshot.take();
		try (var runner = RunnerProcess.start(build.runnerJar(), workDir, "start-" + database.replace(' ', '-'),
				environment)) {
			if (whileUp != null) {
				return whileUp.measure(runner);
			}
			var cpu = before.sinceStartOf(Cpu.Snapshot.ticksOf(runner.pid()));
			// idle: started, answered, nothing asked of it since
			Thread.sleep(options.smoke() ? 200 : 2000);
			double idle = Rss.mib(Rss.kib(runner.pid()));
			return Measurement.once(Scenario.START.label(), "runner: start command to first ping, " + database,
					runner.startup().toMillis(), idle, true, cpu, Map.of("idleRssMb", idle));
		}
	}

	/** {@code invoke browseEvents} with {@code {}} on stdin, as one command of a script would run it. */
	private static Measurement shell(Build build, Path workDir, Map<String, String> environment, List<String> options)
			throws Exception {
		var arguments = new ArrayList<>(List.of("invoke", "browseEvents"));
		arguments.addAll(options);
		return process("shell: invoke browseEvents" + (options.isEmpty() ? "" : " --url") + " (wall time, peak RSS)",
				OneShot.shell(build, arguments), workDir, environment,
				(exit, output) -> exit == 0 && output.startsWith("["));
	}

	/** Runs {@code command} to its end with {@code {}} on stdin: its wall time, peak memory and CPU. */
	private static Measurement process(String variant, List<String> command, Path workDir,
			Map<String, String> environment, Succeeded succeeded) throws Exception {
		var run = OneShot.run("start", command, workDir, environment, "{}");
		boolean ok = succeeded.test(run.exit(), run.output());
		return Measurement.once(Scenario.START.label(), variant, run.millis(), Rss.mib(run.peakKib()), ok, run.cpu(),
				Map.of("exit", run.exit()));
	}

	/** What is measured while a runner is up. */
	private interface Measured {

		Measurement measure(RunnerProcess runner) throws Exception;
	}

	/** Whether a process did what it was asked, from its exit status and its standard output. */
	private interface Succeeded {

		boolean test(int exit, String output);
	}
}
