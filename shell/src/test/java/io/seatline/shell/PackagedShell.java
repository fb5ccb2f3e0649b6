package io.seatline.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged shell as a separate process, as a user would: through its launcher ({@code bin/seatline ...},
 * which starts one command from the build's Spring AOT code and class cache), in a working folder of its own, with a
 * clean environment plus the given variables. Without the launcher (a jar outside a checkout) it runs
 * {@code java -jar seatline-shell.jar ...}.
 */
final class PackagedShell {

	private final Path jar;

	private final Path workingFolder;

	private final Path launcher;

	PackagedShell(Path workingFolder) {
		var configured = System.getProperty("seatline.shell.jar");
		assertThat(configured).as("the system property seatline.shell.jar (set by failsafe)").isNotNull();
		this.jar = Path.of(configured).toAbsolutePath();
		assertThat(this.jar).as("the packaged shell; run 'package' first").isRegularFile();
		this.workingFolder = workingFolder;
		this.launcher = Path.of(System.getProperty("seatline.launcher", "../bin/seatline")).toAbsolutePath();
	}

	Run run(Map<String, String> environment, String stdin, String... arguments)
			throws IOException, InterruptedException {
		Files.createDirectories(this.workingFolder);
		var command = new ArrayList<String>();
		if (Files.isExecutable(this.launcher)) {
			command.add(this.launcher.toString());
		}
		else {
			command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
					this.jar.toString()));
		}
		command.addAll(List.of(arguments));
		var out = Files.createTempFile(this.workingFolder, "stdout", ".txt");
		var err = Files.createTempFile(this.workingFolder, "stderr", ".txt");
		var builder = new ProcessBuilder(command).directory(this.workingFolder.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		for (var variable : List.of("DATABASE_URL", "ADMIN_PASSWORD", "SEATLINE_TOKEN", "SEATLINE_PASSWORD",
				"LOGGING_LEVEL_ROOT", "XDG_CONFIG_HOME")) {
			builder.environment().remove(variable);
		}
		// a login is kept in the working folder, never in the config folder of whoever runs the tests
		builder.environment().put("SEATLINE_CONFIG_DIR", this.workingFolder.resolve("config").toString());
		// the launcher runs this JVM
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().remove("JAVA_OPTS");
		builder.environment().putAll(environment);
		var process = builder.start();
		try (var input = process.getOutputStream()) {
			input.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("The shell did not finish: " + String.join(" ", arguments));
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	/** What one run of the shell left: its exit status, stdout and stderr. */
	record Run(int exitStatus, String stdout, String stderr) {
	}
}
