package io.seatline.benchmarks;

import java.util.List;

/**
 * Everything one run measured, raw.
 *
 * @param run its number, from 1
 * @param build which build it measured: {@code candidate} or {@code baseline}
 * @param measurements one per scenario, variant and client count
 * @param integrity the database after the run, or {@code null} when no scenario booked through a runner
 * @param runner the runner's start and memory, or {@code null} when none ran
 */
record RunResult(int run, String build, List<Measurement> measurements, Integrity integrity, RunnerFigures runner) {

	/**
	 * @param startupMillis from its start command (launcher or {@code java -jar}) to the first {@code ping} answered
	 * @param idleRssMb resident memory after start and setup, before any load
	 * @param peakRssMb the highest resident memory seen during the run
	 */
	record RunnerFigures(long startupMillis, double idleRssMb, double peakRssMb) {
	}
}
