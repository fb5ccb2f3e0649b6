package io.seatline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.sqlite.SQLiteConfig;

/**
 * What the database says after a run, read directly (read-only JDBC, the runner stopped): no seat sold twice, every
 * booked seat belongs to a confirmed booking, as many booked seats as {@code 200} replies announced, and for SQLite
 * {@code PRAGMA integrity_check}.
 *
 * @param doubleSold seats with more than one unreleased ledger row (must be 0)
 * @param bookedWithoutConfirmedBooking booked seats whose booking is missing or not confirmed (must be 0)
 * @param bookedSeats seats with status {@code BOOKED}
 * @param liveLedgerRows unreleased {@code booking_seats} rows (must equal the booked seats)
 * @param confirmedBookings bookings with status {@code CONFIRMED}
 * @param seatsConfirmedByReplies seats that {@code 200} replies said were sold (must equal the booked seats)
 * @param integrityCheck {@code PRAGMA integrity_check} ({@code ok}), or {@code n/a} on PostgreSQL
 * @param error why the check could not run, or {@code null}
 */
record Integrity(long doubleSold, long bookedWithoutConfirmedBooking, long bookedSeats, long liveLedgerRows,
		long confirmedBookings, long seatsConfirmedByReplies, String integrityCheck, String error) {

	static Integrity check(String databaseUrl, long seatsConfirmedByReplies) {
		try (var connection = connect(databaseUrl)) {
			boolean sqlite = databaseUrl.startsWith("jdbc:sqlite:");
			return new Integrity(
					count(connection, "SELECT COUNT(*) FROM (SELECT event_id, label FROM booking_seats "
							+ "WHERE released_at IS NULL GROUP BY event_id, label HAVING COUNT(*) > 1) doubles"),
					count(connection, "SELECT COUNT(*) FROM event_seats s LEFT JOIN bookings b ON b.id = s.booking_id "
							+ "WHERE s.status = 'BOOKED' AND (b.id IS NULL OR b.status <> 'CONFIRMED')"),
					count(connection, "SELECT COUNT(*) FROM event_seats WHERE status = 'BOOKED'"),
					count(connection, "SELECT COUNT(*) FROM booking_seats WHERE released_at IS NULL"),
					count(connection, "SELECT COUNT(*) FROM bookings WHERE status = 'CONFIRMED'"),
					seatsConfirmedByReplies, sqlite ? integrityCheck(connection) : "n/a", null);
		}
		catch (SQLException ex) {
			return new Integrity(0, 0, 0, 0, 0, seatsConfirmedByReplies, "not run", ex.getMessage());
		}
	}

	boolean passed() {
		return consistent() && this.bookedSeats == this.seatsConfirmedByReplies;
	}

	/**
	 * Everything but the count of seats that replies confirmed: the database agrees with itself. After a crash,
	 * bookings whose reply was lost make the database hold more seats than the replies announced.
	 */
	boolean consistent() {
		return this.error == null && this.doubleSold == 0 && this.bookedWithoutConfirmedBooking == 0
				&& this.bookedSeats == this.liveLedgerRows && integrityCheckOk();
	}

	boolean integrityCheckOk() {
		return this.integrityCheck.equals("ok") || this.integrityCheck.equals("n/a");
	}

	String summary() {
		if (this.error != null) {
			return "integrity: NOT CHECKED (" + this.error + ")";
		}
		return ("integrity: %s; seats sold twice %d, booked seats without a confirmed booking %d, booked seats %d, "
				+ "live ledger rows %d, seats confirmed by 200 replies %d, confirmed bookings %d, integrity_check %s")
			.formatted(passed() ? "PASSED" : "FAILED", this.doubleSold, this.bookedWithoutConfirmedBooking,
					this.bookedSeats, this.liveLedgerRows, this.seatsConfirmedByReplies, this.confirmedBookings,
					this.integrityCheck);
	}

	/** A read-only connection to the database. */
	static Connection connect(String databaseUrl) throws SQLException {
		if (databaseUrl.startsWith("jdbc:sqlite:")) {
			// sqlite-jdbc opens a file read-only only from the start (it refuses setReadOnly later)
			var config = new SQLiteConfig();
			config.setReadOnly(true);
			return DriverManager.getConnection(databaseUrl.split("\\?")[0], config.toProperties());
		}
		var connection = DriverManager.getConnection(databaseUrl);
		connection.setReadOnly(true);
		return connection;
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static String integrityCheck(Connection connection) throws SQLException {
		try (var statement = connection.createStatement();
				var rows = statement.executeQuery("PRAGMA integrity_check")) {
			var result = new StringBuilder();
			while (rows.next()) {
				result.append(result.isEmpty() ? "" : "; ").append(rows.getString(1));
			}
			return result.toString();
		}
	}
}
