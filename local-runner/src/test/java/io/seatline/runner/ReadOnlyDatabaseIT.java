package io.seatline.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner (the packaged jar, as a process) whose database folder turns read-only while it runs, as after the file
 * system is remounted read-only (see {@link ReadOnlyFolder} for how): reads still answer, writes are 503 {@code BUSY}
 * and leave nothing behind, and once the folder is writable again every kind of call succeeds, on every pooled
 * connection, without a restart (issue 8). Connections opened while the folder was read-only are read-only for
 * good, so the runner has to replace them too.
 */
class ReadOnlyDatabaseIT {

	private RunnerProcess runner;

	@AfterEach
	void stopTheRunner() throws Exception {
		if (this.runner != null) {
			this.runner.close();
		}
	}

	@Test
	void onAReadOnlyDatabaseReadsAnswerAndWritesAreBusyAndOnceWritableEveryCallSucceeds() throws Exception {
		var folder = ReadOnlyFolder.compileOrSkip("read-only");
		var environment = new HashMap<>(folder.environment());
		environment.put("DATABASE_URL", "jdbc:sqlite:" + folder.folder().resolve("booking.db") + "?busy_timeout=2000");
		environment.put("ADMIN_PASSWORD", RunnerTestSupport.ADMIN_PASSWORD);
		this.runner = RunnerProcess.start("read-only-database", environment,
				Map.of("seatline.jobs.outbox-dir", Path.of("target", "outbox-read-only").toAbsolutePath().toString()));
		assertThat(this.runner.log()).as("the library was preloaded").doesNotContain("cannot be preloaded");
		var calls = EveryKindOfCall.prepare(this.runner.http(), "read-only database");

		folder.makeReadOnly();
		calls.readsAnswerWithin(EveryKindOfCall.AT_ONCE);
		calls.writesAreRefusedAsBusyWithin(Duration.ofSeconds(5));
		folder.makeWritable();

		calls.nothingRefusedWasKeptAndEachRefusedWriteNowSucceeds();
		calls.everyKindOfCallSucceedsRepeatedly(30, 4);
		calls.assertAll();
	}
}
