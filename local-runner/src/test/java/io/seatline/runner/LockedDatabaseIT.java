package io.seatline.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner (the packaged jar, as a process) on a real SQLite file whose write lock another process holds past the
 * busy timeout, as the shell, a second runner, a backup or {@code sqlite3} may: reads answer at once, writes are 503
 * {@code BUSY} with {@code Retry-After} and leave nothing behind, and once the lock is released every kind of call
 * succeeds again, on every pooled connection, without a restart (issue 8).
 */
class LockedDatabaseIT {

	/** Shortened through the URL (the engine adds its own only where the URL sets none), so the test stays short. */
	private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(2);

	private final Path database = Path.of("target", "test-databases", "locked-" + UUID.randomUUID(), "booking.db")
		.toAbsolutePath();

	private RunnerProcess runner;

	@AfterEach
	void stopTheRunner() throws Exception {
		if (this.runner != null) {
			this.runner.close();
		}
	}

	@Test
	void whileAnotherProcessHoldsTheWriteLockReadsAnswerAndWritesAreBusyAndAfterwardsEveryCallSucceeds()
			throws Exception {
		Files.createDirectories(this.database.getParent());
		this.runner = RunnerProcess.start("locked-database",
				Map.of("DATABASE_URL", "jdbc:sqlite:" + this.database + "?busy_timeout=" + BUSY_TIMEOUT.toMillis(),
						"ADMIN_PASSWORD", RunnerTestSupport.ADMIN_PASSWORD),
				Map.of("seatline.jobs.outbox-dir", this.database.getParent().resolve("outbox").toString()));
		var calls = EveryKindOfCall.prepare(this.runner.http(), "locked database");

		try (var lock = WriteLock.takenByAnotherProcess(this.database)) {
			calls.readsAnswerWithin(EveryKindOfCall.AT_ONCE);
			calls.writesAreRefusedAsBusyWithin(BUSY_TIMEOUT.plusSeconds(3));
			lock.release();
		}

		calls.nothingRefusedWasKeptAndEachRefusedWriteNowSucceeds();
		calls.everyKindOfCallSucceedsRepeatedly(30, 4);
		calls.assertAll();
	}
}
