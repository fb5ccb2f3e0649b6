package io.seatline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A process's resident memory, as Linux reports it in {@code /proc/PID/status}. */
final class Rss {

	private Rss() {
	}

	/** The resident set in KiB, or 0 when the process is gone or this is no Linux. */
	static long kib(long pid) {
		try {
			for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring(6).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// the process ended, or there is no /proc
		}
		return 0;
	}

	/** The peak resident set since the process started ({@code VmHWM}), in KiB, or 0. */
	static long peakKib(long pid) {
		try {
			for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.substring(6).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// the process ended, or there is no /proc
		}
		return 0;
	}

	static double mib(long kib) {
		return kib / 1024.0;
	}

	/**
	 * Samples a process's resident memory every 100 ms, or as often as asked, and keeps the highest value since the
	 * last reset.
	 */
	static final class Sampler implements AutoCloseable {

		private final long pid;

		private final long everyMillis;

		private final Thread thread;

		private volatile long peak;

		Sampler(long pid) {
			this(pid, Duration.ofMillis(100));
		}

		Sampler(long pid, Duration every) {
			this.pid = pid;
			this.everyMillis = Math.max(1, every.toMillis());
			this.thread = new Thread(this::sample, "rss-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		/** The highest resident set since the last reset, in MiB. */
		double peakMib() {
			return mib(peakKib());
		}

		/** The highest resident set since the last reset, in KiB. */
		long peakKib() {
			return Math.max(this.peak, kib(this.pid));
		}

		void reset() {
			this.peak = kib(this.pid);
		}

		@Override
		public void close() {
			this.thread.interrupt();
		}

		private void sample() {
			while (!Thread.currentThread().isInterrupted()) {
				long now = kib(this.pid);
				if (now > this.peak) {
					this.peak = now;
				}
				try {
					Thread.sleep(this.everyMillis);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}
}
