package io.seatline.runner.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seatline.runner.Api;
import io.seatline.runner.RunnerTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream of changes over all events, and the event's status on its seat stream, over real HTTP. */
class LiveChangesTests extends RunnerTestSupport {

	private static final Duration A_SECOND = Duration.ofSeconds(1);

	@Test
	void aBookingOfAnyEventIsToldWithinASecondAndARushOfThemIsCoalesced() throws Exception {
		var api = api();
		var first = api.newEvent("Changes one", 2, 5);
		var second = api.newEvent("Changes two", 2, 5);
		var buyer = api.newUser(Api.uniqueName("changer"));

		try (var stream = new SseStream(api.base() + "/live/changes")) {
			assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/event-stream"));
			assertThat(stream.next(Duration.ofSeconds(5)).name()).isEqualTo("listening");

			// the runner is shared with other test classes: their changes may come too, but this one within a second
			// (a change of another class's event, told just before, is skipped; the one naming this booking's event
			// must still come within the second)
			api.reserve(buyer, first, "A1");
			var deadline = System.nanoTime() + A_SECOND.toNanos();
			var named = new ArrayList<String>();
			while (!named.contains(first)) {
				var told = stream.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
				assertThat(told).as("a message naming the booked event within a second").isNotNull();
				assertThat(told.name()).isEqualTo("changed");
				named.clear();
				told.data().get("eventIds").forEach((id) -> named.add(id.asString()));
			}
			assertThat(named).contains(first).doesNotContain(second);

			// six bookings in a row, of two events: at most one message per 500 ms
			var started = System.nanoTime();
			for (var seat : new String[] { "A2", "A3", "A4" }) {
				api.reserve(buyer, first, seat);
				api.reserve(buyer, second, seat);
			}
			var elapsed = Duration.ofNanos(System.nanoTime() - started);
			var messages = new ArrayList<SseStream.Event>();
			var ids = new HashSet<String>();
			while (!ids.contains(first) || !ids.contains(second)) {
				var message = stream.next(Duration.ofSeconds(2));
				assertThat(message).as("a message naming both events").isNotNull();
				messages.add(message);
				message.data().get("eventIds").forEach((id) -> ids.add(id.asString()));
			}
			assertThat(messages).allSatisfy((message) -> assertThat(message.name()).isEqualTo("changed"));
			assertThat(messages.size()).isLessThanOrEqualTo(2 + (int) (elapsed.toMillis() / 500));
		}
	}

	@Test
	void anEventCalledOffWithNoBookingIsToldToItsOpenSeatMaps() throws Exception {
		var api = api();
		var eventId = api.newEvent("Called off", 1, 3);

		try (var stream = new SseStream(api.base() + "/live/events/" + eventId + "/seats")) {
			var snapshot = stream.next(Duration.ofSeconds(5));
			assertThat(snapshot.data().get("status").asString()).isEqualTo("SCHEDULED");

			api.ok("cancelEvent", Map.of("eventId", eventId, "reason", "Rain"), api.adminToken());
			var called = stream.next(A_SECOND);
			assertThat(called.name()).isEqualTo("seats");
			assertThat(called.data().get("status").asString()).isEqualTo("CANCELLED");
			assertThat(called.data().get("seats")).isEmpty();
		}
	}
}
