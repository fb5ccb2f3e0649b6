package io.seatline.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotEventsTests {

	private final List<String> created = new ArrayList<>();

	private HotEvents.Factory factory() {
		return () -> {
			var event = "event-" + (this.created.size() + 1);
			this.created.add(event);
			return event;
		};
	}

	@Test
	void bookingsMoveToTheNextEventOnceAQuarterIsSold() throws Exception {
		var hot = HotEvents.growing(factory(), 400);

		hot.sold("event-1", 99);
		assertThat(hot.current()).isEqualTo("event-1");
		hot.sold("event-1", 1);

		assertThat(hot.current()).isEqualTo("event-2");
		assertThat(hot.seatsSold()).isEqualTo(100);
		assertThat(hot.eventsUsed()).isEqualTo(2);
	}

	@Test
	void eventsAreCreatedAheadForTheSeatsAMeasurementWillSell() throws Exception {
		var hot = HotEvents.growing(factory(), 400);
		hot.sold("event-1", 40);

		hot.prepareFor(250);

		// 60 seats left on the first event, then 100 on each new one
		assertThat(this.created).containsExactly("event-1", "event-2", "event-3");
		assertThat(hot.current()).isEqualTo("event-1");
	}

	@Test
	void aFixedSetStaysOnItsLastEvent() throws Exception {
		var hot = HotEvents.fixed(List.of("a", "b"), 400);
		hot.sold("a", 100);
		hot.sold("b", 100);
		hot.prepareFor(1000);

		assertThat(hot.current()).isEqualTo("b");
		assertThat(hot.events()).containsExactly("a", "b");
	}
}
