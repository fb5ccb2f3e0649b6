package io.seatline.testapp;

import java.nio.file.Path;
import java.util.UUID;

/** Real SQLite files for tests, one per test class, under {@code target/test-databases}. */
public final class TestDatabases {

	private TestDatabases() {
	}

	public static Path newFile(String name) {
		return Path.of("target", "test-databases", name + "-" + UUID.randomUUID() + ".db").toAbsolutePath();
	}

	public static String newUrl(String name) {
		return "jdbc:sqlite:" + newFile(name);
	}
}
