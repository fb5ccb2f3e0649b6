package io.seatline.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the results: one scenario, one variant, one client count, in one run (or the medians over runs).
 *
 * @param scenario the scenario ({@code floor-db}, {@code book}, ...)
 * @param variant what exactly was called ({@code reserveSeats}, {@code eventSeats while booking}, ...)
 * @param clients the client threads (writer threads for {@code floor-db})
 * @param requests requests answered in the measurement
 * @param perSecond successes per second: bookings, transactions, reads, pings
 * @param seatsPerSecond seats sold per second, for bookings
 * @param p50Millis median latency of every request
 * @param p99Millis 99th percentile latency
 * @param maxMillis the slowest request
 * @param conflictShare share of {@code 409} replies (a refused claim for {@code floor-db})
 * @param busy {@code 503} replies
 * @param otherErrors replies that are neither a success, nor 409, nor 503 (and failed requests)
 * @param statuses every status and its count ({@code -1}: no reply)
 * @param rssPeakMb the runner's peak resident memory during the measurement, in MiB ({@code 0}: no runner)
 * @param cpu cores used by the runner, the clients and anything else during the measurement
 * @param details what else the scenario knows (seats sold, events used, ...)
 */
record Measurement(String scenario, String variant, int clients, long requests, double perSecond,
		double seatsPerSecond, double p50Millis, double p99Millis, double maxMillis, double conflictShare, long busy,
		long otherErrors, Map<String, Long> statuses, double rssPeakMb, Cpu cpu, Map<String, Object> details) {

	static Measurement of(String scenario, String variant, int clients, Samples samples, double rssPeakMb, Cpu cpu,
			Map<String, Object> details) {
		var statuses = new LinkedHashMap<String, Long>();
		samples.statuses().forEach((status, count) -> statuses.put(Integer.toString(status), count));
		long other = samples.requests() - samples.count(200) - samples.count(409) - samples.count(503);
		double conflictShare = (samples.requests() == 0) ? 0 : (double) samples.count(409) / samples.requests();
		return new Measurement(scenario, variant, clients, samples.requests(), samples.rate(200),
				samples.seats() / samples.seconds(), samples.percentileMillis(50), samples.percentileMillis(99),
				samples.maxMillis(), conflictShare, samples.count(503), other, statuses, rssPeakMb, cpu, details);
	}

	/** A figure measured once, such as a start: its time in every latency column, its memory, and whether it worked. */
	static Measurement once(String scenario, String variant, double millis, double rssMb, boolean ok, Cpu cpu,
			Map<String, Object> details) {
		return new Measurement(scenario, variant, 1, 1, 0, 0, millis, millis, millis, 0, 0, ok ? 0 : 1,
				Map.of(ok ? "200" : "-1", 1L), rssMb, cpu, details);
	}

	/** What lines of different runs share: the same key, the same measurement. */
	String key() {
		return this.scenario + " | " + this.variant + " | " + this.clients;
	}
}
