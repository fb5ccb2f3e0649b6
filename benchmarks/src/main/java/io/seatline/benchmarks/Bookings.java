package io.seatline.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * {@code book}: {@code reserveSeats} of 1 to 4 adjacent random seats of one hot event, each client signed in as its
 * own user. Overlapping picks are refused with {@code 409}; an event a quarter sold is left for a
 * fresh one, so that 409s measure contention rather than a filling hall.
 */
final class Bookings {

	static final String WORKLOAD = "book";

	private Bookings() {
	}

	static Measurement measure(Stage stage, int clients, Options options) throws Exception {
		var hot = HotEvents.growing(stage::createEvent, stage.seats().capacity());
		var samples = ClosedLoop.run(List.of(workload(stage, hot, clients)), options.warmup(), options.duration(),
				warmup -> {
					hot.prepareFor(FloorDb.aheadOf(warmup.get(WORKLOAD), options));
					stage.startMeasuring();
				})
			.get(WORKLOAD);
		return Measurement.of(Scenario.BOOK.label(), "reserveSeats", clients, samples, stage.peakRssMb(),
				stage.cpu(), details(hot));
	}

	static Map<String, Object> details(HotEvents hot) {
		return Map.of("seatsSold", hot.seatsSold(), "eventsUsed", hot.eventsUsed());
	}

	/** {@code clients} booking clients on the hot events. */
	static Workload workload(Stage stage, HotEvents hot, int clients) {
		return new Workload(WORKLOAD, clients, client -> booker(stage, hot, client));
	}

	private static Call booker(Stage stage, HotEvents hot, int client) {
		var api = new SeatlineApi(stage.endpoint(client));
		var token = stage.user(client);
		return new Call() {
			@Override
			public Outcome call() throws Exception {
				var event = hot.current();
				var seats = SeatPicker.labels(stage.seats().pick());
				int status = api.call("reserveSeats", SeatlineApi.reservation(event, seats), token).status();
				if (status != 200) {
					return Outcome.of(status);
				}
				stage.confirmed(seats.size());
				hot.sold(event, seats.size());
				return new Outcome(200, seats.size());
			}

			@Override
			public void close() {
				api.close();
			}
		};
	}
}
