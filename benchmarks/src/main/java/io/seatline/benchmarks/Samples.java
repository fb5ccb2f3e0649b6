package io.seatline.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the clients of one workload saw during one phase: every latency, the count of each status, the seats sold.
 *
 * @param latencies the latency of every request in nanoseconds, sorted
 * @param statuses how many replies of each status ({@link Call.Outcome#FAILED} for no reply)
 * @param seats seats sold by the successful requests
 * @param nanos how long the phase lasted, from its start to the last reply
 */
record Samples(long[] latencies, Map<Integer, Long> statuses, long seats, long nanos) {

	long requests() {
		return this.latencies.length;
	}

	long count(int status) {
		return this.statuses.getOrDefault(status, 0L);
	}

	double seconds() {
		return this.nanos / 1e9;
	}

	/** Requests per second with the given status. */
	double rate(int status) {
		return (this.nanos == 0) ? 0 : count(status) / seconds();
	}

	/** The latency at a percentile (0 to 100) in milliseconds, nearest rank. */
	double percentileMillis(double percentile) {
		if (this.latencies.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percentile / 100 * this.latencies.length);
		return this.latencies[Math.max(0, Math.min(this.latencies.length - 1, rank - 1))] / 1e6;
	}

	double maxMillis() {
		return (this.latencies.length == 0) ? 0 : this.latencies[this.latencies.length - 1] / 1e6;
	}

	/** Collects the samples of one client thread; not thread-safe. */
	static final class Log {

		private long[] latencies = new long[1024];

		private int size;

		private final Map<Integer, Long> statuses = new TreeMap<>();

		private long seats;

		void add(long nanos, Call.Outcome outcome) {
			if (this.size == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.size * 2);
			}
			this.latencies[this.size++] = nanos;
			this.statuses.merge(outcome.status(), 1L, Long::sum);
			this.seats += outcome.seats();
		}

		static Samples merge(Iterable<Log> logs, long nanos) {
			int total = 0;
			for (var log : logs) {
				total += log.size;
			}
			var latencies = new long[total];
			var statuses = new TreeMap<Integer, Long>();
			long seats = 0;
			int at = 0;
			for (var log : logs) {
				System.arraycopy(log.latencies, 0, latencies, at, log.size);
				at += log.size;
				log.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
				seats += log.seats;
			}
			Arrays.sort(latencies);
			return new Samples(latencies, statuses, seats, nanos);
		}
	}
}
