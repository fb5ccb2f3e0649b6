package io.seatline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The jars of one build of Seatline that a run measures.
 *
 * @param label {@code candidate} (the build asked for) or {@code baseline} (the one it is compared with)
 * @param runnerJar the packaged runner
 * @param shellJar the packaged shell
 */
record Build(String label, Path runnerJar, Path shellJar) {

	static final String CANDIDATE = "candidate";

	static final String BASELINE = "baseline";

	/** The runner's launcher in {@code bin/}. */
	static final String RUNNER_LAUNCHER = "seatline-runner";

	/** The shell's launcher in {@code bin/}. */
	static final String SHELL_LAUNCHER = "seatline";

	/**
	 * The command that starts the app of {@code jar} as the README starts it: the launcher {@code bin/NAME} of the
	 * checkout whose {@code MODULE/target/} holds the jar (it starts the app from the class cache the build made, with
	 * the JVM options the app is measured with), or {@code java -jar} for a jar without one (an older build's, copied
	 * elsewhere). Either runs this benchmark's own JVM (the launcher through {@code JAVA_HOME}, see
	 * {@link #environment()}), so the two compare builds, not JVMs.
	 */
	static List<String> command(Path jar, String launcher) {
		var found = launcherOf(jar, launcher);
		return (found != null) ? List.of(found.toString())
				: List.of(RunnerProcess.javaCommand(), "-jar", jar.toAbsolutePath().toString());
	}

	/** The launcher {@code bin/NAME} beside the module of {@code jar}, or null. */
	static Path launcherOf(Path jar, String launcher) {
		var target = jar.toAbsolutePath().normalize().getParent();
		if (target == null || !target.getFileName().toString().equals("target") || target.getParent() == null
				|| target.getParent().getParent() == null) {
			return null;
		}
		var found = target.getParent().getParent().resolve("bin").resolve(launcher);
		return Files.isExecutable(found) ? found : null;
	}

	/** What a launcher needs in its environment to run this benchmark's JVM. */
	static Map<String, String> environment() {
		return Map.of("JAVA_HOME", System.getProperty("java.home"));
	}
}
