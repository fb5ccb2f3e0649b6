package io.seatline.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BookingSeedTests {

	// the engine's SQLite migrations in Flyway's order, with its one placeholder as the runner sets it by default
	private static final List<String> MIGRATIONS = List.of("sqlite/V1__booking_engine.sql", "sqlite/V2__email_jobs.sql",
			"common/V3__seat_counts_and_versions.sql", "common/V4__seat_claim_index.sql", "common/V5__login_attempts.sql",
			"common/V6__seats_per_account.sql", "common/V7__booking_reference.sql",
			"common/V8__disabled_accounts_and_cancelled_events.sql", "sqlite/V8_1__event_emails.sql",
			"sqlite/V9__audit_log.sql", "common/V10__venue_time_zone.sql");

	@TempDir
	Path dir;

	@Test
	void everySeededBookingIsListedByTheExportQueryAndTheDatabasePassesTheIntegrityCheck() throws Exception {
		var url = "jdbc:sqlite:" + this.dir.resolve("export.db");
		migrate(url);

		// 200 seats an event, two a booking: 25 full events and one of 10 bookings
		var seed = BookingSeed.write(url, 2_510, new SeatPicker(10, 20));

		assertThat(seed.events()).isEqualTo(26);
		assertThat(seed.seats()).isEqualTo(5_020);
		try (var connection = DriverManager.getConnection(url)) {
			// the export's query (BookingExport), counted: one line per booking, one row per seat
			assertThat(count(connection, """
					select count(distinct b.id) from bookings b
					join accounts a on a.id = b.account_id
					join events e on e.id = b.event_id
					join booking_seats s on s.booking_id = b.id""")).isEqualTo(2_510);
			assertThat(count(connection, "select count(*) from booking_seats")).isEqualTo(5_020);
			assertThat(count(connection, "select count(distinct reference) from bookings")).isEqualTo(2_510);
			// the kept counts agree with the seat rows
			assertThat(count(connection, "select sum(booked_seats) from events")).isEqualTo(5_020);
			assertThat(count(connection, "select sum(available_seats) from events"))
				.isEqualTo(count(connection, "select count(*) from event_seats where status = 'AVAILABLE'"))
				.isEqualTo(26 * 200 - 5_020);
		}
		var integrity = Integrity.check(url, seed.seats());
		assertThat(integrity.passed()).as(integrity.summary()).isTrue();
	}

	@Test
	void referencesAreEightCharactersOfTheEnginesAlphabetAndNeverRepeat() {
		var seen = new HashSet<String>();
		for (int n = 0; n < 100_000; n++) {
			var reference = BookingSeed.reference(n);
			assertThat(reference).hasSize(8).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");
			seen.add(reference);
		}
		assertThat(seen).hasSize(100_000);
	}

	@Test
	void csvRecordsCountLineBreaksOutsideQuotesOnly() throws IOException {
		var csv = new CsvRecords();

		csv.write("h1,h2\r\n\"a\nb\",c\r\nd,e".getBytes(StandardCharsets.UTF_8));

		assertThat(csv.records()).isEqualTo(3);
		assertThat(csv.bytes()).isEqualTo(19);
	}

	private static void migrate(String url) throws SQLException, IOException {
		try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
			for (var migration : MIGRATIONS) {
				try (var in = BookingSeedTests.class.getResourceAsStream("/db/migration/" + migration)) {
					var script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
						.replace("${seatline_default_time_zone}", "UTC");
					for (var sql : FloorDb.statements(script)) {
						statement.execute(sql);
					}
				}
			}
		}
	}

	private static long count(java.sql.Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}
}
