package io.seatline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code read}: the seat map of a 20,000-seat event ({@code eventSeats}) and the event list ({@code browseEvents})
 * with one event and with six, each alone, then each while {@code book} runs on those six events.
 */
final class Reads {

	static final int EVENTS = 6;

	private static final String READERS = "read";

	private Reads() {
	}

	/** Needs a stage with no events yet: the event list is measured with one event, then with six. */
	static List<Measurement> measure(Stage stage, Options options) throws Exception {
		var results = new ArrayList<Measurement>();
		var events = new ArrayList<String>();
		events.add(stage.createEvent());
		var first = events.get(0);
		results.add(alone(stage, new Read("eventSeats", "eventSeats", () -> Map.of("eventId", first)), options));
		results.add(alone(stage, new Read("browseEvents", "browseEvents (1 event)", Map::of), options));
		while (events.size() < EVENTS) {
			events.add(stage.createEvent());
		}
		var browseAll = new Read("browseEvents", "browseEvents (" + EVENTS + " events)", Map::of);
		results.add(alone(stage, browseAll, options));
		var hot = HotEvents.fixed(events, stage.seats().capacity());
		results.addAll(whileBooking(stage, hot, new Read("eventSeats", "eventSeats",
				() -> Map.of("eventId", hot.current())), options));
		results.addAll(whileBooking(stage, hot, browseAll, options));
		return results;
	}

	private static Measurement alone(Stage stage, Read read, Options options) throws Exception {
		int clients = options.readClients();
		var samples = ClosedLoop.run(List.of(readers(stage, read, clients)), options.warmup(), options.duration(),
				warmup -> stage.startMeasuring())
			.get(READERS);
		return Measurement.of(Scenario.READ.label(), read.variant(), clients, samples, stage.peakRssMb(), stage.cpu(),
				Map.of());
	}

	private static List<Measurement> whileBooking(Stage stage, HotEvents hot, Read read, Options options)
			throws Exception {
		int clients = options.readClients();
		int bookers = options.whileBookingClients();
		var samples = ClosedLoop.run(List.of(readers(stage, read, clients), Bookings.workload(stage, hot, bookers)),
				options.warmup(), options.duration(), warmup -> stage.startMeasuring());
		double rss = stage.peakRssMb();
		var cpu = stage.cpu();
		return List.of(
				Measurement.of(Scenario.READ.label(), read.variant() + " while booking", clients,
						samples.get(READERS), rss, cpu, Map.of("bookingClients", bookers)),
				Measurement.of(Scenario.BOOK.label(), "reserveSeats while reading " + read.variant(), bookers,
						samples.get(Bookings.WORKLOAD), rss, cpu, Bookings.details(hot)));
	}

	private static Workload readers(Stage stage, Read read, int clients) {
		return new Workload(READERS, clients, client -> {
			var api = new SeatlineApi(stage.endpoint(client));
			return new Call() {
				@Override
				public Outcome call() throws Exception {
					return Outcome.of(api.call(read.function(), read.body().get(), null).status());
				}

				@Override
				public void close() {
					api.close();
				}
			};
		});
	}

	/** A read: the function called, the name of the line in the results, and the request body of each call. */
	private record Read(String function, String variant, Supplier<Object> body) {
	}
}
