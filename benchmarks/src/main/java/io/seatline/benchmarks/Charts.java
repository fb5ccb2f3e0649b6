package io.seatline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** PNG bar charts of the medians: throughput and latency by client count, and reads alone against while booking. */
final class Charts {

	private static final int WIDTH = 1000;

	private static final int HEIGHT = 560;

	private Charts() {
	}

	/**
	 * Writes the charts that the results have data for ({@code NAME-*.png}; with a baseline also
	 * {@code NAME-baseline-*.png} and {@code NAME-comparison.png}); returns their files.
	 */
	static List<Path> write(Results results, Path dir) throws IOException {
		System.setProperty("java.awt.headless", "true");
		Files.createDirectories(dir);
		var base = dir.resolve(results.name()).toString();
		var files = new ArrayList<>(write(results.medians(), base));
		if (results.baseline() != null) {
			files.addAll(write(results.baseline().medians(), base + "-baseline"));
			var comparison = comparison(results.comparison());
			if (comparison != null) {
				files.add(save(comparison, base + "-comparison"));
			}
		}
		return files;
	}

	private static List<Path> write(List<Measurement> medians, String base) throws IOException {
		var files = new ArrayList<Path>();
		var byClients = byClients(medians, "Successes per second (log scale)", "per second", Measurement::perSecond);
		if (byClients != null) {
			files.add(save(byClients, base + "-throughput"));
		}
		var latency = byClients(medians, "p99 latency (log scale)", "ms", Measurement::p99Millis);
		if (latency != null) {
			files.add(save(latency, base + "-p99"));
		}
		var reads = reads(medians);
		if (reads != null) {
			files.add(save(reads, base + "-reads"));
		}
		return files;
	}

	/** Each line of the candidate over the same line of the baseline. */
	private static CategoryChart comparison(List<Report.Ratio> comparison) {
		var lines = (comparison == null) ? List.<Report.Ratio>of()
				: comparison.stream().filter(ratio -> ratio.throughput() > 0).toList();
		if (lines.isEmpty()) {
			return null;
		}
		var chart = chart("Candidate over baseline: successes per second (above 1 is faster)", "", "ratio");
		chart.getStyler().setXAxisLabelRotation(60);
		chart.getStyler().setLegendVisible(false);
		chart.getStyler().setDecimalPattern("#,##0.##");
		chart.addSeries("candidate / baseline", lines.stream().map(Report.Ratio::name).toList(),
				lines.stream().map(ratio -> (Number) ratio.throughput()).toList());
		return chart;
	}

	/** floor-db, floor-http and book side by side for each client count. */
	private static CategoryChart byClients(List<Measurement> medians, String title, String unit,
			ToDoubleFunction<Measurement> figure) {
		var clients = medians.stream().filter(Charts::isFloorOrBook).map(Measurement::clients).distinct().sorted()
			.toList();
		if (clients.isEmpty()) {
			return null;
		}
		var chart = chart(title, "clients", unit);
		var x = clients.stream().map(String::valueOf).toList();
		double smallest = medians.stream().filter(m -> isFloorOrBook(m) || m.scenario().equals("floor-db"))
			.mapToDouble(figure).filter(value -> value > 0).min().orElse(1);
		chart.getStyler().setYAxisLogarithmic(true);
		// bars grow from the axis' minimum, which a logarithmic axis needs above zero
		chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
		series(chart, "floor-db (1 writer)", x, clients, medians, m -> m.scenario().equals("floor-db"), figure);
		series(chart, "floor-http (ping)", x, clients, medians, m -> m.scenario().equals("floor-http"), figure);
		series(chart, "book (reserveSeats)", x, clients, medians,
				m -> m.scenario().equals("book") && m.variant().equals("reserveSeats"), figure);
		return chart;
	}

	/** Each read alone and while booking. */
	private static CategoryChart reads(List<Measurement> medians) {
		var alone = medians.stream().filter(m -> m.scenario().equals("read") && !m.variant().endsWith("while booking"))
			.toList();
		if (alone.isEmpty()) {
			return null;
		}
		var chart = chart("Reads per second, alone and while booking", "read", "per second");
		var x = alone.stream().map(Measurement::variant).toList();
		chart.addSeries("alone", x, alone.stream().map(m -> (Number) m.perSecond()).toList());
		var busy = alone.stream().map(m -> (Number) medians.stream()
			.filter(other -> other.scenario().equals("read") && other.variant().equals(m.variant() + " while booking"))
			.mapToDouble(Measurement::perSecond).boxed().findFirst().orElse(null)).toList();
		chart.addSeries("while booking", x, busy);
		return chart;
	}

	private static void series(CategoryChart chart, String name, List<String> x, List<Integer> clients,
			List<Measurement> medians, Predicate<Measurement> which, ToDoubleFunction<Measurement> figure) {
		var lines = medians.stream().filter(which).toList();
		if (lines.isEmpty()) {
			return;
		}
		var y = new ArrayList<Number>();
		for (int count : clients) {
			// the database floor is one writer: the same bar at every client count, for scale
			var value = lines.stream().filter(m -> m.clients() == count || m.scenario().equals("floor-db"))
				.mapToDouble(figure).filter(v -> v > 0).findFirst();
			// a missing bar rather than a zero, which a logarithmic axis cannot draw
			y.add(value.isPresent() ? value.getAsDouble() : null);
		}
		chart.addSeries(name, x, y);
	}

	private static boolean isFloorOrBook(Measurement m) {
		return m.scenario().equals("floor-http") || (m.scenario().equals("book") && m.variant().equals("reserveSeats"));
	}

	private static CategoryChart chart(String title, String xTitle, String yTitle) {
		var chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
			.yAxisTitle(yTitle).build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
		chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
		chart.getStyler().setLabelsVisible(true);
		chart.getStyler().setDecimalPattern("#,##0.#");
		return chart;
	}

	private static Path save(CategoryChart chart, String path) throws IOException {
		BitmapEncoder.saveBitmap(chart, path, BitmapEncoder.BitmapFormat.PNG);
		return Path.of(path + ".png");
	}
}
