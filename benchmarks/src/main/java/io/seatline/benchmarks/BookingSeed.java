package io.seatline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Many confirmed bookings written straight into a runner's database with plain JDBC, while no runner runs: booking
 * 100,000 of them over HTTP would take many minutes. The schema must exist (a runner has started on the database
 * once). Writes what the engine would have: buyer accounts, a venue of {@code SeatPicker}'s seats, as many events of
 * it as the bookings fill, every seat row of each event ({@code BOOKED} with its booking's id, or
 * {@code AVAILABLE}), the events' kept counts, and each booking of two adjacent seats with its reference and its two
 * ledger rows; so the benchmark's integrity check passes on it and the export lists every booking.
 *
 * @param bookings the confirmed bookings written
 * @param seats the seats they hold (two each)
 * @param events the events they fill
 * @param millis how long the writing took
 */
record BookingSeed(int bookings, long seats, int events, long millis) {

	/** Seats of each booking. */
	static final int SEATS_PER_BOOKING = 2;

	private static final int BUYERS = 100;

	private static final int BATCH = 5_000;

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	/** Writes {@code bookings} confirmed bookings on events of the venue {@code venue} into the database. */
	static BookingSeed write(String databaseUrl, int bookings, SeatPicker venue) throws SQLException {
		long started = System.nanoTime();
		int perEvent = venue.capacity() / SEATS_PER_BOOKING;
		int events = (bookings + perEvent - 1) / perEvent;
		try (var connection = connect(databaseUrl)) {
			connection.setAutoCommit(false);
			long now = System.currentTimeMillis();
			insertBuyersAndVenue(connection, venue, now);
			connection.commit();
			var seats = venue.all();
			try (var event = connection.prepareStatement("INSERT INTO events (id, version, venue_id, name, "
					+ "description, starts_at, total_seats, created_at, seat_version, available_seats, booked_seats, "
					+ "held_seats, blocked_seats) "
					+ "VALUES (?, 0, 'export-venue', ?, 'Seeded by the benchmark', ?, ?, ?, 1, ?, ?, 0, 0)");
					var booking = connection.prepareStatement("INSERT INTO bookings (id, version, event_id, "
							+ "account_id, status, created_at, reference) VALUES (?, 0, ?, ?, 'CONFIRMED', ?, ?)");
					var seat = connection.prepareStatement("INSERT INTO event_seats (event_id, label, position, "
							+ "status, booking_id) VALUES (?, ?, ?, ?, ?)");
					var ledger = connection.prepareStatement(
							"INSERT INTO booking_seats (booking_id, event_id, label, position) VALUES (?, ?, ?, ?)")) {
				int written = 0;
				for (int e = 1; e <= events; e++) {
					var eventId = "export-event-" + e;
					int booked = Math.min(perEvent, bookings - written);
					event.setString(1, eventId);
					event.setString(2, "Export event " + e);
					event.setLong(3, Instant.ofEpochMilli(now).plus(365 + e, ChronoUnit.DAYS).toEpochMilli());
					event.setInt(4, venue.capacity());
					event.setLong(5, now);
					event.setInt(6, venue.capacity() - booked * SEATS_PER_BOOKING);
					event.setInt(7, booked * SEATS_PER_BOOKING);
					event.executeUpdate();
					String bookingId = null;
					for (int s = 0; s < seats.size(); s++) {
						var place = seats.get(s);
						boolean sold = s < booked * SEATS_PER_BOOKING;
						if (sold && s % SEATS_PER_BOOKING == 0) {
							bookingId = UUID.randomUUID().toString();
							booking.setString(1, bookingId);
							booking.setString(2, eventId);
							booking.setString(3, "export-buyer-" + (written % BUYERS + 1));
							// a millisecond apart: the export's order (oldest first) is the order written
							booking.setLong(4, now + written);
							booking.setString(5, reference(written));
							booking.addBatch();
							written++;
						}
						seat.setString(1, eventId);
						seat.setString(2, place.label());
						seat.setInt(3, place.position());
						seat.setString(4, sold ? "BOOKED" : "AVAILABLE");
						seat.setString(5, sold ? bookingId : null);
						seat.addBatch();
						if (sold) {
							ledger.setString(1, bookingId);
							ledger.setString(2, eventId);
							ledger.setString(3, place.label());
							ledger.setInt(4, place.position());
							ledger.addBatch();
						}
						if ((s + 1) % BATCH == 0) {
							// bookings first: the seats and the ledger rows refer to them
							executeBatches(booking, seat, ledger);
						}
					}
					executeBatches(booking, seat, ledger);
					connection.commit();
				}
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		return new BookingSeed(bookings, (long) bookings * SEATS_PER_BOOKING, events,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The {@code n}th booking's reference, as migration V7 numbers existing bookings: {@code (n * 25214903917 + 11)
	 * mod 2^40} in 8 digits of the engine's alphabet, unique by construction.
	 */
	static String reference(long n) {
		long mixed = ((n + 1) * 25214903917L + 11) & ((1L << 40) - 1);
		var reference = new char[8];
		for (int i = 7; i >= 0; i--) {
			reference[i] = ALPHABET.charAt((int) (mixed % 32));
			mixed /= 32;
		}
		return new String(reference);
	}

	private static void insertBuyersAndVenue(Connection connection, SeatPicker venue, long now) throws SQLException {
		try (var account = connection.prepareStatement("INSERT INTO accounts (id, version, username, username_key, "
				+ "email, password_hash, role, created_at) VALUES (?, 0, ?, ?, ?, ?, 'USER', ?)")) {
			for (int i = 1; i <= BUYERS; i++) {
				var username = "exportbuyer" + i;
				account.setString(1, "export-buyer-" + i);
				account.setString(2, username);
				account.setString(3, username.toLowerCase(Locale.ROOT));
				account.setString(4, username + "@example.org");
				// no password: nobody signs in as them
				account.setString(5, "!");
				account.setLong(6, now);
				account.addBatch();
			}
			account.executeBatch();
		}
		try (var statement = connection.prepareStatement("INSERT INTO venues (id, version, name, name_key, seat_rows, "
				+ "seats_per_row, capacity, created_at) "
				+ "VALUES ('export-venue', 0, 'Export Hall', 'export hall', ?, ?, ?, ?)")) {
			statement.setInt(1, venue.rows());
			statement.setInt(2, venue.seatsPerRow());
			statement.setInt(3, venue.capacity());
			statement.setLong(4, now);
			statement.executeUpdate();
		}
	}

	private static void executeBatches(PreparedStatement... statements) throws SQLException {
		for (var statement : statements) {
			statement.executeBatch();
		}
	}

	/** A writing connection; on PostgreSQL with batches sent as multi-row inserts. */
	private static Connection connect(String databaseUrl) throws SQLException {
		var properties = new Properties();
		if (databaseUrl.startsWith("jdbc:postgresql:")) {
			properties.setProperty("reWriteBatchedInserts", "true");
		}
		return DriverManager.getConnection(databaseUrl, properties);
	}
}
