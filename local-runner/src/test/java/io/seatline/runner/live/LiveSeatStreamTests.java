package io.seatline.runner.live;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.seatline.runner.Api;
import io.seatline.runner.RunnerTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live seat stream over real HTTP: snapshot, pushed changes, polled changes, and no polling for nobody. */
class LiveSeatStreamTests extends RunnerTestSupport {

	private static final Duration A_SECOND = Duration.ofSeconds(1);

	@Autowired
	LiveSeats live;

	@Test
	void aWatcherGetsEverySeatAtOnceThenEachBookingAndCancellationWithinASecond() throws Exception {
		var api = api();
		var eventId = api.newEvent("Stream test", 2, 3);
		var buyer = api.newUser(Api.uniqueName("streamer"));

		try (var stream = new SseStream(api.base() + "/live/events/" + eventId + "/seats")) {
			assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/event-stream"));
			var snapshot = stream.next(Duration.ofSeconds(5));
			assertThat(snapshot.name()).isEqualTo("snapshot");
			assertThat(snapshot.data().get("seats")).hasSize(6);
			assertThat(snapshot.data().get("seats").get(0).get("seat").asString()).isEqualTo("A1");
			assertThat(snapshot.data().get("availableSeats").asInt()).isEqualTo(6);

			var booking = api.reserve(buyer, eventId, "A2", "B3");
			var booked = next(stream, "seats", A_SECOND);
			assertThat(booked.data().get("seats").toString())
				.isEqualTo("[{\"seat\":\"A2\",\"status\":\"BOOKED\"},{\"seat\":\"B3\",\"status\":\"BOOKED\"}]");
			assertThat(booked.data().get("availableSeats").asInt()).isEqualTo(4);

			api.ok("cancelBooking", Map.of("bookingId", booking.get("bookingId").asString()), buyer);
			var freed = next(stream, "seats", A_SECOND);
			assertThat(freed.data().get("seats").toString())
				.isEqualTo("[{\"seat\":\"A2\",\"status\":\"AVAILABLE\"},{\"seat\":\"B3\",\"status\":\"AVAILABLE\"}]");
		}
	}

	@Test
	void seatsTheBoxOfficeBlocksAndUnblocksReachWatchersWithinASecond() throws Exception {
		var api = api();
		var eventId = api.newEvent("Block stream test", 1, 3);
		var admin = api.adminToken();

		try (var stream = new SseStream(api.base() + "/live/events/" + eventId + "/seats")) {
			assertThat(next(stream, "snapshot", Duration.ofSeconds(5))).isNotNull();
			api.ok("blockSeats", Map.of("eventId", eventId, "seats", java.util.List.of("A1", "A3")), admin);
			var blocked = next(stream, "seats", A_SECOND);
			assertThat(blocked.data().get("seats").toString())
				.isEqualTo("[{\"seat\":\"A1\",\"status\":\"BLOCKED\"},{\"seat\":\"A3\",\"status\":\"BLOCKED\"}]");
			assertThat(blocked.data().get("availableSeats").asInt()).isEqualTo(1);

			api.ok("unblockSeats", Map.of("eventId", eventId, "seats", java.util.List.of("A3")), admin);
			var unblocked = next(stream, "seats", A_SECOND);
			assertThat(unblocked.data().get("seats").toString())
				.isEqualTo("[{\"seat\":\"A3\",\"status\":\"AVAILABLE\"}]");
		}
	}

	@Test
	void heldSeatsAndTheirReleaseReachWatchersWithinASecond() throws Exception {
		var api = api();
		var eventId = api.newEvent("Hold stream test", 1, 3);
		var buyer = api.newUser(Api.uniqueName("holder"));

		try (var stream = new SseStream(api.base() + "/live/events/" + eventId + "/seats")) {
			assertThat(next(stream, "snapshot", Duration.ofSeconds(5))).isNotNull();
			var hold = api.ok("holdSeats", Map.of("eventId", eventId, "seats", java.util.List.of("A1", "A2")), buyer);
			var held = next(stream, "seats", A_SECOND);
			assertThat(held.data().get("seats").toString())
				.isEqualTo("[{\"seat\":\"A1\",\"status\":\"HELD\"},{\"seat\":\"A2\",\"status\":\"HELD\"}]");
			assertThat(held.data().get("availableSeats").asInt()).isEqualTo(1);

			api.ok("releaseHold", Map.of("holdId", hold.get("holdId").asString()), buyer);
			var released = next(stream, "seats", A_SECOND);
			assertThat(released.data().get("seats").toString()).isEqualTo(
					"[{\"seat\":\"A1\",\"status\":\"AVAILABLE\"},{\"seat\":\"A2\",\"status\":\"AVAILABLE\"}]");
		}
	}

	@Test
	void anEventCalledOffFreesItsSeatsOnAnOpenMapWithinASecond() throws Exception {
		var api = api();
		var eventId = api.newEvent("Called off live", 1, 3);
		api.reserve(api.newUser(Api.uniqueName("offlive")), eventId, "A1");
		api.reserve(api.newUser(Api.uniqueName("offlive")), eventId, "A3");
		try (var stream = new SseStream(api.base() + "/live/events/" + eventId + "/seats")) {
			assertThat(stream.next(Duration.ofSeconds(5)).data().get("availableSeats").asInt()).isEqualTo(1);
			api.ok("cancelEvent", Map.of("eventId", eventId), api.adminToken());
			var freed = next(stream, "seats", A_SECOND);
			assertThat(freed.data().get("seats").toString())
				.isEqualTo("[{\"seat\":\"A1\",\"status\":\"AVAILABLE\"},{\"seat\":\"A3\",\"status\":\"AVAILABLE\"}]");
			assertThat(freed.data().get("availableSeats").asInt()).isEqualTo(3);
		}
	}

	@Test
	void aChangeMadeOutsideThisProcessReachesWatchersByPolling() throws Exception {
		var api = api();
		var eventId = api.newEvent("Poll test", 2, 2);

		try (var stream = new SseStream(api.base() + "/live/events/" + eventId + "/seats")) {
			assertThat(next(stream, "snapshot", Duration.ofSeconds(5))).isNotNull();
			// a second connection to the file, as the shell would have: no event of this process tells of it. Its
			// change is written as the engine's SeatInventory writes every seat change: with the event's version
			try (var connection = DriverManager.getConnection("jdbc:sqlite:" + DATABASE + "?busy_timeout=10000");
					var update = connection.prepareStatement(
							"update event_seats set status = 'BLOCKED' where event_id = ? and label = 'B1'");
					var version = connection.prepareStatement("update events set seat_version = seat_version + 1, "
							+ "available_seats = available_seats - 1, blocked_seats = blocked_seats + 1 where id = ?")) {
				connection.setAutoCommit(false);
				update.setString(1, eventId);
				assertThat(update.executeUpdate()).isEqualTo(1);
				version.setString(1, eventId);
				assertThat(version.executeUpdate()).isEqualTo(1);
				connection.commit();
			}
			var blocked = next(stream, "seats", A_SECOND);
			assertThat(blocked.data().get("seats").toString()).isEqualTo("[{\"seat\":\"B1\",\"status\":\"BLOCKED\"}]");
			assertThat(blocked.data().get("availableSeats").asInt()).isEqualTo(3);
		}
	}

	@Test
	void anEventNobodyWatchesAnyMoreIsNoLongerRead() throws Exception {
		var api = api();
		var eventId = api.newEvent("Quiet test", 1, 2);
		var stream = new SseStream(api.base() + "/live/events/" + eventId + "/seats");
		assertThat(next(stream, "snapshot", Duration.ofSeconds(5))).isNotNull();
		assertThat(this.live.watchedEvents()).isGreaterThanOrEqualTo(1);

		stream.close();

		// the closed page is noticed when a heartbeat cannot be written (every second in tests)
		await().atMost(Duration.ofSeconds(10)).until(() -> this.live.watchedEvents() == 0);
		var reads = this.live.reads();
		Thread.sleep(1000);
		assertThat(this.live.reads()).isEqualTo(reads);
	}

	@Test
	void anUnknownEventEndsItsStreamWithGone() throws Exception {
		try (var stream = new SseStream(api().base() + "/live/events/no-such-event/seats")) {
			var gone = stream.next(Duration.ofSeconds(5));
			assertThat(gone.name()).isEqualTo("gone");
			assertThat(gone.data().get("error").asString()).isEqualTo("NOT_FOUND");
			assertThat(stream.next(Duration.ofSeconds(5)).name()).isEqualTo("closed");
		}
	}

	/** The next event of that name, skipping others (a reconnect snapshot would not be one here). */
	private static SseStream.Event next(SseStream stream, String name, Duration within) throws InterruptedException {
		var deadline = System.nanoTime() + within.toNanos();
		while (true) {
			var left = Duration.ofNanos(deadline - System.nanoTime());
			var event = left.isNegative() ? null : stream.next(left);
			if (event == null) {
				throw new AssertionError("No '" + name + "' event within " + within.toMillis() + " ms");
			}
			if (event.name().equals(name)) {
				return event;
			}
		}
	}
}
