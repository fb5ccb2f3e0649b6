package io.seatline.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The printed results: one line per measurement, medians over runs, and the ratios between scenarios. */
final class Report {

	private static final String FORMAT = "%-10s %-50s %7s %9s %8s %8s %8s %8s %6s %5s %6s %7s %11s";

	private Report() {
	}

	static String header() {
		return FORMAT.formatted("scenario", "variant", "clients", "ok/s", "seats/s", "p50 ms", "p99 ms", "max ms",
				"409 %", "503", "other", "RSS MiB", "CPU r/c/o");
	}

	static String line(Measurement m) {
		boolean once = m.scenario().equals(Scenario.START.label());
		return FORMAT.formatted(m.scenario(), m.variant(), m.clients(), once ? "-" : decimal(m.perSecond()),
				m.seatsPerSecond() == 0 ? "-" : decimal(m.seatsPerSecond()), millis(m.p50Millis()),
				millis(m.p99Millis()), millis(m.maxMillis()), "%.1f".formatted(m.conflictShare() * 100), m.busy(),
				m.otherErrors(), m.rssPeakMb() == 0 ? "-" : "%.0f".formatted(m.rssPeakMb()), m.cpu());
	}

	static String table(List<Measurement> measurements) {
		var table = new StringBuilder(header()).append('\n');
		measurements.forEach(m -> table.append(line(m)).append('\n'));
		return table.toString();
	}

	/**
	 * The median of each figure over the runs, per scenario, variant and client count. Error counts and statuses are
	 * summed instead, so that an error in any run shows.
	 */
	static List<Measurement> medians(List<RunResult> runs) {
		var byKey = new LinkedHashMap<String, List<Measurement>>();
		runs.forEach(run -> run.measurements()
			.forEach(m -> byKey.computeIfAbsent(m.key(), key -> new ArrayList<>()).add(m)));
		var medians = new ArrayList<Measurement>();
		byKey.values().forEach(lines -> {
			var first = lines.get(0);
			var statuses = new TreeMap<String, Long>();
			lines.forEach(m -> m.statuses().forEach((status, count) -> statuses.merge(status, count, Long::sum)));
			var details = new LinkedHashMap<>(first.details());
			details.put("runs", lines.size());
			medians.add(new Measurement(first.scenario(), first.variant(), first.clients(),
					(long) median(lines, m -> m.requests()), median(lines, Measurement::perSecond),
					median(lines, Measurement::seatsPerSecond), median(lines, Measurement::p50Millis),
					median(lines, Measurement::p99Millis), median(lines, Measurement::maxMillis),
					median(lines, Measurement::conflictShare), lines.stream().mapToLong(Measurement::busy).sum(),
					lines.stream().mapToLong(Measurement::otherErrors).sum(), statuses,
					median(lines, Measurement::rssPeakMb), new Cpu(median(lines, m -> m.cpu().runner()),
							median(lines, m -> m.cpu().client()), median(lines, m -> m.cpu().other())),
					details));
		});
		return medians;
	}

	/**
	 * book over its floors (at the same client count for HTTP, the one writer for the database), and reads while
	 * booking over the same reads alone.
	 */
	static List<Ratio> ratios(List<Measurement> medians) {
		var ratios = new ArrayList<Ratio>();
		var floorDb = find(medians, Scenario.FLOOR_DB.label(), null, 1);
		for (var book : medians) {
			if (!book.scenario().equals(Scenario.BOOK.label()) || !book.variant().equals("reserveSeats")) {
				continue;
			}
			if (floorDb != null) {
				ratios.add(Ratio.of("book/floor-db @" + book.clients(), book, floorDb));
			}
			var ping = find(medians, Scenario.FLOOR_HTTP.label(), "ping", book.clients());
			if (ping != null) {
				ratios.add(Ratio.of("book/floor-http @" + book.clients(), book, ping));
			}
		}
		for (var busy : medians) {
			if (busy.scenario().equals(Scenario.READ.label()) && busy.variant().endsWith(" while booking")) {
				var variant = busy.variant().substring(0, busy.variant().length() - " while booking".length());
				var alone = find(medians, Scenario.READ.label(), variant, busy.clients());
				if (alone != null) {
					ratios.add(Ratio.of(variant + " while booking/alone @" + busy.clients(), busy, alone));
				}
			}
		}
		return ratios;
	}

	/** Each line of the candidate over the same line of the baseline: how much faster (above 1) or slower. */
	static List<Ratio> compare(List<Measurement> candidate, List<Measurement> baseline) {
		var ratios = new ArrayList<Ratio>();
		for (var line : candidate) {
			baseline.stream().filter(other -> other.key().equals(line.key())).findFirst()
				.ifPresent(other -> ratios.add(Ratio.of(line.scenario() + " " + line.variant() + " @" + line.clients(),
						line, other)));
		}
		return ratios;
	}

	static String ratioLines(List<Ratio> ratios) {
		var lines = new StringBuilder();
		for (var ratio : ratios) {
			var figures = (ratio.numeratorPerSecond() == 0 && ratio.denominatorPerSecond() == 0)
					? "(time %s / %s ms)".formatted(millis(ratio.numeratorP99Millis()),
							millis(ratio.denominatorP99Millis()))
					: "(%s / %s ok/s; p99 %s / %s ms)".formatted(decimal(ratio.numeratorPerSecond()),
							decimal(ratio.denominatorPerSecond()), millis(ratio.numeratorP99Millis()),
							millis(ratio.denominatorP99Millis()));
			lines.append("%-72s %8.3f   %s%n".formatted(ratio.name(), ratio.throughput(), figures));
		}
		return lines.toString();
	}

	private static Measurement find(List<Measurement> measurements, String scenario, String variant, int clients) {
		return measurements.stream()
			.filter(m -> m.scenario().equals(scenario) && (variant == null || m.variant().equals(variant))
					&& m.clients() == clients)
			.findFirst()
			.orElse(null);
	}

	private static double median(List<Measurement> lines, ToDoubleFunction<Measurement> figure) {
		var values = lines.stream().mapToDouble(figure).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	static String decimal(double value) {
		return (value >= 100) ? "%.0f".formatted(value) : "%.1f".formatted(value);
	}

	static String millis(double value) {
		return (value >= 100) ? "%.0f".formatted(value) : (value >= 10) ? "%.1f".formatted(value)
				: "%.2f".formatted(value);
	}

	/**
	 * One scenario's throughput over another's.
	 *
	 * @param name what is divided by what, at which client count
	 * @param throughput the ratio of successes per second
	 * @param numeratorPerSecond successes per second of the first
	 * @param denominatorPerSecond successes per second of the second
	 * @param numeratorP99Millis p99 of the first
	 * @param denominatorP99Millis p99 of the second
	 */
	record Ratio(String name, double throughput, double numeratorPerSecond, double denominatorPerSecond,
			double numeratorP99Millis, double denominatorP99Millis) {

		/**
		 * Successes per second over successes per second; for a line timed once (a start, a one-shot command),
		 * which has no rate, the second's time over the first's, so that above 1 is still faster.
		 */
		static Ratio of(String name, Measurement numerator, Measurement denominator) {
			double throughput;
			if (timedOnce(numerator) && timedOnce(denominator)) {
				throughput = (numerator.p99Millis() == 0) ? 0 : denominator.p99Millis() / numerator.p99Millis();
			}
			else {
				throughput = (denominator.perSecond() == 0) ? 0 : numerator.perSecond() / denominator.perSecond();
			}
			return new Ratio(name, throughput, numerator.perSecond(), denominator.perSecond(), numerator.p99Millis(),
					denominator.p99Millis());
		}

		private static boolean timedOnce(Measurement line) {
			return line.perSecond() == 0 && line.p99Millis() > 0;
		}
	}
}
