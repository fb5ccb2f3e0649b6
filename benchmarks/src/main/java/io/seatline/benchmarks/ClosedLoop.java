package io.seatline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs workloads at once, each client on its own platform thread in a closed loop: a warm-up whose samples are
 * discarded, then the measurement. The clients' calls (and so their kept-alive connections) live through both.
 */
final class ClosedLoop {

	private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

	private ClosedLoop() {
	}

	/**
	 * Runs the warm-up, calls {@code between} with its samples (to prepare what the measurement needs), then
	 * measures. Returns the measurement's samples by workload name.
	 */
	static Map<String, Samples> run(List<Workload> workloads, Duration warmup, Duration duration, Between between)
			throws Exception {
		var calls = new LinkedHashMap<String, List<Call>>();
		try {
			for (var workload : workloads) {
				var clients = new ArrayList<Call>();
				calls.put(workload.name(), clients);
				for (int i = 0; i < workload.clients(); i++) {
					clients.add(workload.client().apply(i));
				}
			}
			between.prepare(warmup.isZero() ? Map.of() : phase(calls, warmup));
			return phase(calls, duration);
		}
		finally {
			calls.values().forEach(clients -> clients.forEach(Call::close));
		}
	}

	static Map<String, Samples> run(List<Workload> workloads, Duration warmup, Duration duration) throws Exception {
		return run(workloads, warmup, duration, samples -> {
		});
	}

	private static Map<String, Samples> phase(Map<String, List<Call>> calls, Duration duration)
			throws InterruptedException {
		var start = new CountDownLatch(1);
		var startedAt = new AtomicLong();
		var lastReply = new AtomicLong();
		var logs = new LinkedHashMap<String, List<Samples.Log>>();
		var threads = new ArrayList<Thread>();
		calls.forEach((name, clients) -> {
			var workloadLogs = new ArrayList<Samples.Log>();
			logs.put(name, workloadLogs);
			for (var call : clients) {
				var log = new Samples.Log();
				workloadLogs.add(log);
				var thread = new Thread(() -> loop(call, log, start, startedAt, duration, lastReply), name + "-client");
				thread.setDaemon(true);
				threads.add(thread);
				thread.start();
			}
		});
		startedAt.set(System.nanoTime());
		start.countDown();
		for (var thread : threads) {
			thread.join();
		}
		long nanos = Math.max(lastReply.get() - startedAt.get(), 1);
		var samples = new LinkedHashMap<String, Samples>();
		logs.forEach((name, workloadLogs) -> samples.put(name, Samples.Log.merge(workloadLogs, nanos)));
		return samples;
	}

	private static void loop(Call call, Samples.Log log, CountDownLatch start, AtomicLong startedAt, Duration duration,
			AtomicLong lastReply) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		long end = startedAt.get() + duration.toNanos();
		long now = System.nanoTime();
		while (now < end) {
			long sent = now;
			Call.Outcome outcome;
			try {
				outcome = call.call();
			}
			catch (Exception ex) {
				report(ex);
				outcome = new Call.Outcome(Call.Outcome.FAILED, 0);
			}
			now = System.nanoTime();
			log.add(now - sent, outcome);
		}
		lastReply.accumulateAndGet(now, Math::max);
	}

	/** Prints the first few distinct failures, so that a count of failed requests has a cause beside it. */
	private static void report(Exception ex) {
		var what = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (REPORTED.size() < 10 && REPORTED.add(what)) {
			System.err.println("A request failed: " + what);
		}
	}

	/** Runs between the warm-up and the measurement. */
	@FunctionalInterface
	interface Between {

		void prepare(Map<String, Samples> warmup) throws Exception;
	}
}
