package io.seatline.benchmarks;

import java.nio.file.Path;

/**
 * The jars of one build of Seatline that a run measures.
 *
 * @param label {@code candidate} (the build asked for) or {@code baseline} (the one it is compared with)
 * @param runnerJar the packaged runner
 * @param shellJar the packaged shell
 */
record Build(String label, Path runnerJar, Path shellJar) {

	static final String CANDIDATE = "candidate";

	static final String BASELINE = "baseline";
}
