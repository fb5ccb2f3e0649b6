package io.seatline.shell;

import java.nio.file.Path;
import java.util.UUID;

/** A new SQLite file under target/ for each test class: real databases, never shared between runs. */
final class TestDatabases {

	private TestDatabases() {
	}

	static Path newFile(String name) {
		return Path.of("target", "test-databases", name + "-" + UUID.randomUUID() + ".db").toAbsolutePath();
	}

	static String newUrl(String name) {
		return "jdbc:sqlite:" + newFile(name);
	}
}
