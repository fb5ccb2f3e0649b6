package io.seatline.runner;

import java.util.HashMap;
import java.util.Map;

/**
 * Runner processes for the fault tests ({@link LockedDatabaseIT}, {@link FullDiskIT}, {@link ReadOnlyDatabaseIT},
 * {@link GroupCommitCrashIT}): the packaged jar as {@link RunnerProcess} starts it, compiled by C1 only, which about
 * halves a start on a busy 2-core machine. These tests are about what the runner answers, not how fast.
 */
final class FaultRunners {

	private FaultRunners() {
	}

	static RunnerProcess start(String name, Map<String, String> environment, Map<String, String> settings)
			throws Exception {
		var withQuickStart = new HashMap<>(environment);
		withQuickStart.putIfAbsent("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
		return RunnerProcess.start(name, withQuickStart, settings);
	}
}
