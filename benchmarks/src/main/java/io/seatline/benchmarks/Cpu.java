package io.seatline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the machine's CPU went during a measurement, in cores: the runner(s), this benchmark process (the clients),
 * and everything else. On a shared two-core machine "other" says whether a figure can be trusted.
 *
 * @param runner cores used by the runner processes
 * @param client cores used by this process
 * @param other cores used by anything else
 */
record Cpu(double runner, double client, double other) {

	static final Cpu NONE = new Cpu(0, 0, 0);

	private static final double TICKS_PER_SECOND = 100;

	@Override
	public String toString() {
		return "%.1f/%.1f/%.1f".formatted(this.runner, this.client, this.other);
	}

	/** The counters at one moment; {@link #since} turns two moments into a {@link Cpu}. */
	record Snapshot(long nanos, long machineBusy, long runner, long client, long[] runnerPids) {

		static Snapshot take(long... runnerPids) {
			long runner = Arrays.stream(runnerPids).map(Snapshot::processTicks).sum();
			return new Snapshot(System.nanoTime(), machineBusyTicks(), runner,
					processTicks(ProcessHandle.current().pid()), runnerPids);
		}

		Cpu since() {
			var now = take(this.runnerPids);
			return between(now, now.runner - this.runner);
		}

		/**
		 * Where the CPU went since this snapshot, with a process started after it as the "runner": all its ticks
		 * ({@code ticks}, read while it still ran) count.
		 */
		Cpu sinceStartOf(long ticks) {
			return between(take(), ticks);
		}

		/** All user and system ticks a process has used, or 0 when it is gone. */
		static long ticksOf(long pid) {
			return processTicks(pid);
		}

		private Cpu between(Snapshot now, long runnerTicks) {
			double seconds = (now.nanos - this.nanos) / 1e9;
			if (seconds <= 0 || this.machineBusy < 0) {
				return NONE;
			}
			double runner = runnerTicks / TICKS_PER_SECOND / seconds;
			double client = (now.client - this.client) / TICKS_PER_SECOND / seconds;
			double busy = (now.machineBusy - this.machineBusy) / TICKS_PER_SECOND / seconds;
			return new Cpu(runner, client, Math.max(0, busy - runner - client));
		}

		/** Busy ticks of all cores: the first line of /proc/stat without idle and iowait. */
		private static long machineBusyTicks() {
			try {
				var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long busy = 0;
				for (int i = 1; i < Math.min(fields.length, 9); i++) {
					if (i != 4 && i != 5) {
						busy += Long.parseLong(fields[i]);
					}
				}
				return busy;
			}
			catch (IOException | RuntimeException noProc) {
				return -1;
			}
		}

		/** User and system ticks of a process and all its threads: fields 14 and 15 of /proc/PID/stat. */
		private static long processTicks(long pid) {
			try {
				var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException gone) {
				return 0;
			}
		}
	}
}
