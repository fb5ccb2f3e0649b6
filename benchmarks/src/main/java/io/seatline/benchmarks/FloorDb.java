package io.seatline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code floor-db}: the seat claim in plain JDBC, with nothing around it, on a database of the runner's kind with
 * the runner's durability settings. One writer: begin, claim the seats with one conditional UPDATE, write the booking
 * and its ledger rows, commit; a refused claim rolls back. What no booking over HTTP can beat on this machine.
 */
final class FloorDb {

	private static final String CLAIM = "UPDATE event_seats SET status = 'BOOKED', booking_id = ? "
			+ "WHERE event_id = ? AND label IN (%s) AND status = 'AVAILABLE'";

	private final FloorDatabase database;

	private final SeatPicker seats;

	private int events;

	private FloorDb(FloorDatabase database, SeatPicker seats) {
		this.database = database;
		this.seats = seats;
	}

	/** Measures one writer on a fresh database. */
	static Measurement measure(FloorDatabase database, SeatPicker seats, Options options) throws Exception {
		var floor = new FloorDb(database, seats);
		var cpu = new Cpu.Snapshot[1];
		try (var setup = database.connect()) {
			floor.createSchema(setup);
		}
		try (var setup = database.connect()) {
			var hot = HotEvents.growing(() -> floor.createEvent(setup), seats.capacity());
			var writer = new Workload("floor-db", 1, client -> floor.writer(hot));
			var samples = ClosedLoop.run(List.of(writer), options.warmup(), options.duration(),
					warmup -> {
						hot.prepareFor(aheadOf(warmup.get("floor-db"), options));
						cpu[0] = Cpu.Snapshot.take();
					})
				.get("floor-db");
			return Measurement.of(Scenario.FLOOR_DB.label(), "claim transaction (" + database.kind() + ")", 1, samples,
					0, cpu[0].since(), Map.of("seatsSold", hot.seatsSold(), "eventsUsed", hot.eventsUsed()));
		}
	}

	/** Seats a measurement will sell at the warm-up's pace, with room to spare. */
	static long aheadOf(Samples warmup, Options options) {
		if (warmup == null || warmup.nanos() == 0) {
			return 0;
		}
		return (long) (warmup.seats() / warmup.seconds() * options.duration().toSeconds() * 1.5) + 1;
	}

	private Call writer(HotEvents hot) {
		try {
			var connection = this.database.connect();
			var claims = new PreparedStatement[SeatPicker.MAX_SEATS + 1];
			for (int count = 1; count <= SeatPicker.MAX_SEATS; count++) {
				var marks = String.join(", ", Collections.nCopies(count, "?"));
				claims[count] = connection.prepareStatement(CLAIM.formatted(marks));
			}
			var booking = connection.prepareStatement("INSERT INTO bookings (id, version, event_id, account_id, "
					+ "status, created_at) VALUES (?, 0, ?, 'floor-account', 'CONFIRMED', ?)");
			var ledger = connection.prepareStatement(
					"INSERT INTO booking_seats (booking_id, event_id, label, position) VALUES (?, ?, ?, ?)");
			return new Call() {
				@Override
				public Outcome call() throws Exception {
					var event = hot.current();
					var picked = FloorDb.this.seats.pick();
					var bookingId = UUID.randomUUID().toString();
					FloorDb.this.database.begin(connection);
					try {
						var claim = claims[picked.size()];
						claim.setString(1, bookingId);
						claim.setString(2, event);
						for (int i = 0; i < picked.size(); i++) {
							claim.setString(3 + i, picked.get(i).label());
						}
						if (claim.executeUpdate() < picked.size()) {
							FloorDb.this.database.rollback(connection);
							return Outcome.of(409);
						}
						booking.setString(1, bookingId);
						booking.setString(2, event);
						booking.setLong(3, System.currentTimeMillis());
						booking.executeUpdate();
						for (var seat : picked) {
							ledger.setString(1, bookingId);
							ledger.setString(2, event);
							ledger.setString(3, seat.label());
							ledger.setInt(4, seat.position());
							ledger.executeUpdate();
						}
						FloorDb.this.database.commit(connection);
					}
					catch (SQLException ex) {
						FloorDb.this.database.rollback(connection);
						throw ex;
					}
					hot.sold(event, picked.size());
					return new Outcome(200, picked.size());
				}

				@Override
				public void close() {
					try {
						connection.close();
					}
					catch (SQLException ignored) {
						// closing anyway
					}
				}
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException("floor-db cannot open its writer connection", ex);
		}
	}

	private void createSchema(Connection connection) throws SQLException {
		try (var statement = connection.createStatement()) {
			for (var sql : statements(this.database.schema())) {
				statement.execute(sql);
			}
			statement.execute("INSERT INTO accounts (id, version, username, username_key, email, password_hash, role, "
					+ "created_at) VALUES ('floor-account', 0, 'floor', 'floor', 'floor@example.org', 'x', 'USER', 0)");
			statement.execute("INSERT INTO venues (id, version, name, name_key, seat_rows, seats_per_row, capacity, "
					+ "created_at) VALUES ('floor-venue', 0, 'Floor', 'floor', " + this.seats.rows() + ", "
					+ this.seats.seatsPerRow() + ", " + this.seats.capacity() + ", 0)");
		}
	}

	private String createEvent(Connection connection) throws SQLException {
		var eventId = "floor-event-" + (++this.events);
		this.database.begin(connection);
		try (var event = connection.prepareStatement("INSERT INTO events (id, version, venue_id, name, starts_at, "
				+ "total_seats, created_at) VALUES (?, 0, 'floor-venue', ?, ?, ?, ?)");
				var seat = connection.prepareStatement(
						"INSERT INTO event_seats (event_id, label, position, status) VALUES (?, ?, ?, 'AVAILABLE')")) {
			event.setString(1, eventId);
			event.setString(2, eventId);
			event.setLong(3, Instant.now().plus(365, ChronoUnit.DAYS).toEpochMilli());
			event.setInt(4, this.seats.capacity());
			event.setLong(5, System.currentTimeMillis());
			event.executeUpdate();
			for (var place : this.seats.all()) {
				seat.setString(1, eventId);
				seat.setString(2, place.label());
				seat.setInt(3, place.position());
				seat.addBatch();
			}
			seat.executeBatch();
			this.database.commit(connection);
		}
		catch (SQLException ex) {
			this.database.rollback(connection);
			throw ex;
		}
		return eventId;
	}

	/** The statements of a script: comment lines dropped, split at semicolons. */
	static List<String> statements(String script) {
		var withoutComments = script.lines().filter(line -> !line.trim().startsWith("--"))
			.reduce("", (text, line) -> text + line + "\n");
		return Arrays.stream(withoutComments.split(";")).map(String::trim).filter(sql -> !sql.isEmpty()).toList();
	}
}
