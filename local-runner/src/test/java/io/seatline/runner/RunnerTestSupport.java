package io.seatline.runner;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The runner on a random port against a fresh SQLite file under {@code target/}, with a {@link TestClock} that tests
 * may move. Every test class that extends this shares one application context (and one database): tests make their
 * own users, venues and events.
 */
@SpringBootTest(classes = SeatlineRunner.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
public abstract class RunnerTestSupport {

	public static final String ADMIN_PASSWORD = "admin-password-1";

	/** The database of the shared context; another process may open it too. */
	public static final Path DATABASE = Path.of("target", "test-db", "runner-" + UUID.randomUUID() + ".db")
		.toAbsolutePath();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void runnerProperties(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", () -> "jdbc:sqlite:" + DATABASE);
		registry.add("ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
		// emails of the tests' bookings go to files under target/, not to ./data/outbox of the module
		registry.add("seatline.jobs.outbox-dir", () -> "target/outbox");
		// closed streams are noticed at the next heartbeat: keep tests quick
		registry.add("seatline.live.heartbeat", () -> "1s");
	}

	protected Api api() {
		return new Api(this.port);
	}
}
