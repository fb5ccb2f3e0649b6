package io.seatline.runner;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real runner processes, really killed with SIGKILL, on one SQLite file: a hold's durable expiry job outlives the
 * process that held the seats, whether it died before the hold ran out or while holds were expiring, and the next
 * process frees each hold's seats once.
 */
class HoldCrashIT {

	private String database;

	private final List<RunnerProcess> processes = new ArrayList<>();

	@BeforeEach
	void database() {
		this.database = "jdbc:sqlite:target/test-databases/hold-crash-" + UUID.randomUUID() + ".db";
	}

	@AfterEach
	void stopAll() throws Exception {
		for (var process : this.processes) {
			process.close();
		}
	}

	@Test
	void aHoldOfAProcessKilledBeforeItRanOutIsExpiredByTheNextProcess() throws Exception {
		// the first process only schedules: the expiry job is in the database when the process dies
		var first = start("hold-before-expiry", Map.of("seatline.jobs.worker", "false"));
		var http = first.http();
		var eventId = http.newEvent("Held then killed", 1, 4);
		var user = http.newUser("holder" + UUID.randomUUID().toString().substring(0, 8));
		var hold = http.ok("holdSeats", Map.of("eventId", eventId, "seats", List.of("A1", "A2")), user);
		assertThat(statuses(first, eventId)).containsExactly("HELD", "HELD", "AVAILABLE", "AVAILABLE");
		assertThat(first.kill()).as("killed by SIGKILL").isEqualTo(137);

		var second = start("after-hold-crash", Map.of());
		await(() -> statuses(second, eventId).stream().allMatch("AVAILABLE"::equals), Duration.ofSeconds(30));
		// the buyer's session survived with the database; the hold did not
		var confirm = second.http().post("confirmHold", "{\"holdId\":\"" + hold.get("holdId").asString() + "\"}", user);
		assertThat(confirm.status()).as(confirm.body()).isEqualTo(409);
		assertThat(confirm.json().get("message").asString()).contains("expired");
		second.close();
		assertTheDatabaseAgrees(eventId, 1);
	}

	@Test
	void aProcessKilledWhileItsHoldsExpireLeavesTheRestToTheNextProcessAndEachIsExpiredOnce() throws Exception {
		var first = start("hold-mid-expiry", Map.of());
		var http = first.http();
		var eventId = http.newEvent("Expiring when killed", 2, 10);
		var holds = new ArrayList<String>();
		for (int i = 1; i <= 10; i++) {
			var user = http.newUser("mid" + i + UUID.randomUUID().toString().substring(0, 6));
			holds.add(http.ok("holdSeats", Map.of("eventId", eventId, "seats", List.of("A" + i, "B" + i)), user)
				.get("holdId").asString());
		}
		// the first holds run out and are expired by this process; it dies while the later ones are still due
		await(() -> statuses(first, eventId).stream().anyMatch("AVAILABLE"::equals), Duration.ofSeconds(30));
		var held = statuses(first, eventId).stream().filter("HELD"::equals).count();
		assertThat(first.kill()).as("killed by SIGKILL").isEqualTo(137);
		System.out.printf("HOLD CRASH: killed with %d of 20 seats still held (10 holds of 2)%n", held);

		var second = start("after-hold-mid-crash", Map.of());
		await(() -> statuses(second, eventId).stream().allMatch("AVAILABLE"::equals), Duration.ofSeconds(60));
		second.close();
		assertTheDatabaseAgrees(eventId, holds.size());
	}

	/** Every hold expired, no expiry job is left, and the event's kept counts match its seats: all free. */
	private void assertTheDatabaseAgrees(String eventId, int holds) throws Exception {
		try (var connection = DriverManager.getConnection(this.database)) {
			var statement = connection.createStatement();
			var rows = statement.executeQuery("select count(*) from holds where event_id = '" + eventId
					+ "' and status = 'EXPIRED' and ended_at is not null");
			assertThat(rows.getInt(1)).isEqualTo(holds);
			rows = statement.executeQuery("select count(*) from scheduled_tasks where task_name = 'hold-expiry'");
			assertThat(rows.getInt(1)).isZero();
			rows = statement.executeQuery("select available_seats, held_seats, booked_seats, total_seats, "
					+ "(select count(*) from event_seats s where s.event_id = e.id and s.status = 'AVAILABLE' "
					+ "and s.hold_id is null) from events e where id = '" + eventId + "'");
			assertThat(rows.getInt(2)).as("held").isZero();
			assertThat(rows.getInt(3)).as("booked").isZero();
			assertThat(rows.getInt(1)).as("available").isEqualTo(rows.getInt(4)).isEqualTo(rows.getInt(5));
		}
	}

	private static List<String> statuses(RunnerProcess runner, String eventId) {
		var seats = runner.http().ok("eventSeats", Map.of("eventId", eventId), null).get("seats");
		var statuses = new ArrayList<String>();
		for (var seat : seats) {
			statuses.add(seat.get("status").asString());
		}
		return statuses;
	}

	private RunnerProcess start(String name, Map<String, String> settings) throws Exception {
		var all = new HashMap<>(Map.of("seatline.booking.hold-duration", "4s",
				"seatline.jobs.polling-interval", "200ms", "seatline.jobs.heartbeat-interval", "1s"));
		all.putAll(settings);
		var process = RunnerProcess.start(name,
				Map.of("DATABASE_URL", this.database, "ADMIN_PASSWORD", RunnerTestSupport.ADMIN_PASSWORD), all);
		this.processes.add(process);
		return process;
	}

	private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		var deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}
}
