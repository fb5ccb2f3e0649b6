package io.seatline.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner (the packaged jar, as a process) with its SQLite file on a small tmpfs that fills up: reads still answer,
 * writes are 503 {@code BUSY} and leave nothing behind, and once space is freed every kind of call succeeds again,
 * on every pooled connection, without a restart (issue 8). Mounting needs root; skipped with the reason elsewhere.
 */
class FullDiskIT {

	private SmallDisk disk;

	private RunnerProcess runner;

	@AfterEach
	void stopTheRunnerAndUnmount() throws Exception {
		if (this.runner != null) {
			this.runner.close();
		}
		if (this.disk != null) {
			this.disk.close();
		}
	}

	@Test
	void onAFullDiskReadsAnswerAndWritesAreBusyAndOnceSpaceIsFreedEveryCallSucceeds() throws Exception {
		// room for the database and its write-ahead log through the test; the filler takes whatever is left
		this.disk = SmallDisk.mountOrSkip("full", 32);
		var database = this.disk.folder().resolve("booking.db");
		this.runner = RunnerProcess.start("full-disk",
				Map.of("DATABASE_URL", "jdbc:sqlite:" + database + "?busy_timeout=2000", "ADMIN_PASSWORD",
						RunnerTestSupport.ADMIN_PASSWORD),
				// the outbox stays off the small disk: this is about the database
				Map.of("seatline.jobs.outbox-dir", Path.of("target", "outbox-full-disk").toAbsolutePath().toString()));
		var calls = EveryKindOfCall.prepare(this.runner.http(), "full disk");

		new SqliteFile(database).truncateTheWriteAheadLog(Duration.ofSeconds(10));
		var filled = this.disk.fill();
		System.out.printf("FULL DISK: filled the last %d bytes of the tmpfs%n", filled);
		calls.readsAnswerWithin(EveryKindOfCall.AT_ONCE);
		calls.writesAreRefusedAsBusyWithin(Duration.ofSeconds(5));
		this.disk.free();

		calls.nothingRefusedWasKeptAndEachRefusedWriteNowSucceeds();
		calls.everyKindOfCallSucceedsRepeatedly(30, 4);
		calls.assertAll();
	}
}
