package io.seatline.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A folder that a runner process sees as read-only while the switch is on, as if its file system had been remounted
 * read-only: {@code src/test/c/read_only_folder.c}, compiled here with {@code gcc} and preloaded into the runner, fails
 * the runner's writes into the folder with {@code EROFS}, the kernel's answer on a read-only mount. (A real
 * {@code mount -o remount,ro} is refused with EBUSY while SQLite holds its files open for writing, and chmod does not
 * stop root.) Where no C compiler is installed the test is skipped with the reason.
 */
final class ReadOnlyFolder {

	private static final Path SOURCE = Path.of("src", "test", "c", "read_only_folder.c").toAbsolutePath();

	private final Path folder;

	private final Path library;

	private final Path toggle;

	private ReadOnlyFolder(Path folder, Path library, Path toggle) {
		this.folder = folder;
		this.library = library;
		this.toggle = toggle;
	}

	static ReadOnlyFolder compileOrSkip(String name) throws Exception {
		var root = Path.of("target", "fault-disks").toAbsolutePath();
		Files.createDirectories(root);
		var folder = Files.createDirectories(root.resolve(name + "-" + UUID.randomUUID())).toRealPath();
		var library = root.resolve("read_only_folder.so");
		var compiler = new ProcessBuilder(List.of("gcc", "-shared", "-fPIC", "-O2", "-o", library.toString(),
				SOURCE.toString(), "-ldl"))
			.redirectErrorStream(true);
		String failure;
		try {
			var gcc = compiler.start();
			var output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			failure = !gcc.waitFor(60, TimeUnit.SECONDS) ? "gcc did not finish"
					: (gcc.exitValue() != 0) ? "gcc failed: " + output : null;
		}
		catch (java.io.IOException ex) {
			failure = "no gcc: " + ex.getMessage();
		}
		var reason = failure;
		Assumptions.assumeTrue(reason == null,
				() -> "Skipped: this test preloads a small C library into the runner to make its database folder "
						+ "read-only, and could not build it: " + reason);
		return new ReadOnlyFolder(folder, library, folder.resolveSibling(folder.getFileName() + ".read-only"));
	}

	Path folder() {
		return this.folder;
	}

	/** The environment that makes a process see the folder read-only while the switch is on. */
	Map<String, String> environment() {
		return Map.of("LD_PRELOAD", this.library.toString(), "SEATLINE_READ_ONLY_FOLDER", this.folder.toString(),
				"SEATLINE_READ_ONLY_SWITCH", this.toggle.toString());
	}

	void makeReadOnly() throws Exception {
		Files.createFile(this.toggle);
	}

	void makeWritable() throws Exception {
		Files.delete(this.toggle);
	}
}
