package io.seatline.benchmarks;

import java.util.List;
import java.util.Map;

/** {@code floor-http}: {@code POST /ping}, which touches nothing, so it shows what HTTP and JSON alone cost. */
final class FloorHttp {

	private static final byte[] EMPTY = "{}".getBytes();

	private FloorHttp() {
	}

	static Measurement measure(Stage stage, int clients, Options options) throws Exception {
		var pings = new Workload("ping", clients, client -> ping(stage.endpoint(client)));
		var samples = ClosedLoop
			.run(List.of(pings), options.warmup(), options.duration(), warmup -> stage.startMeasuring())
			.get("ping");
		return Measurement.of(Scenario.FLOOR_HTTP.label(), "ping", clients, samples, stage.peakRssMb(), stage.cpu(),
				Map.of());
	}

	private static Call ping(SeatlineApi.Endpoint endpoint) {
		var connection = new HttpConnection(endpoint.host(), endpoint.port());
		return new Call() {
			@Override
			public Outcome call() throws Exception {
				return Outcome.of(connection.post("/ping", EMPTY, null).status());
			}

			@Override
			public void close() {
				connection.close();
			}
		};
	}
}
