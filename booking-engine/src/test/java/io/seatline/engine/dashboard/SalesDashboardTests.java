package io.seatline.engine.dashboard;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.booking.EventCancellations;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.export.BookingExport;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The dashboard and the CSV export on a real database (each subclass names one). */
abstract class SalesDashboardTests {

	@Autowired
	SalesDashboard dashboard;

	@Autowired
	BookingExport export;

	@Autowired
	SeatReservations reservations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	EventCancellations cancellations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFiguresOfOneEventCountItsSeatsAndConfirmedBookings() {
		var event = this.fixtures.newEvent(2, 5);
		var user = this.fixtures.newUser();
		this.fixtures.book(user, event, "A1", "A2");
		this.fixtures.book(user, event, "B5");
		this.reservations.cancel(user, this.fixtures.book(user, event, "B1"));
		var figures = this.dashboard.figures(this.fixtures.admin(), event.eventId());
		assertThat(figures.totalSeats()).isEqualTo(10);
		assertThat(figures.bookedSeats()).isEqualTo(3);
		assertThat(figures.availableSeats()).isEqualTo(7);
		assertThat(figures.bookings()).isEqualTo(2);
		assertThat(figures.events()).singleElement().satisfies((line) -> {
			assertThat(line.bookedSeats()).isEqualTo(3);
			assertThat(line.totalSeats()).isEqualTo(10);
		});
		assertThat(figures.recentBookings()).hasSize(3);
	}

	@Test
	void anEventCalledOffSaysSoOnItsLine() {
		var kept = this.fixtures.newEvent(1, 3);
		var called = this.fixtures.newEvent(1, 3);
		this.cancellations.cancel(this.fixtures.admin(), called.eventId(), "Flooded");
		var admin = this.fixtures.admin();
		assertThat(this.dashboard.figures(admin, called.eventId()).events())
			.singleElement().satisfies((line) -> assertThat(line.cancelled()).isTrue());
		assertThat(this.dashboard.figures(admin, kept.eventId()).events())
			.singleElement().satisfies((line) -> assertThat(line.cancelled()).isFalse());
	}

	@Test
	void theOverallFiguresAddUpTheEvents() {
		this.fixtures.newEvent(1, 3);
		var figures = this.dashboard.figures(this.fixtures.admin(), null);
		assertThat(figures.totalSeats()).isEqualTo(figures.events().stream().mapToInt((line) -> line.totalSeats()).sum());
		assertThat(figures.bookedSeats() + figures.availableSeats() + figures.blockedSeats())
			.isEqualTo(figures.totalSeats());
	}

	@Test
	void onlyAdminsSeeTheDashboardAndTheExport() {
		var user = this.fixtures.newUser();
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.dashboard.figures(user, null));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.export.export(user, null));
	}

	@Test
	void anUnknownEventIsNotFound() {
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.dashboard.figures(this.fixtures.admin(), "x"));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.export.export(this.fixtures.admin(), "x"));
	}

	@Test
	void theExportHasOneLinePerBookingWithItsSeatsInOneCell() throws Exception {
		var event = this.fixtures.newEvent(1, 12);
		var user = this.fixtures.newUser();
		var first = this.fixtures.book(user, event, "A10", "A2", "A1");
		// the test clock stands still: move it so that the two bookings have an order
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.fixtures.book(user, event, "A3");
		this.reservations.cancel(user, second);
		var out = new StringWriter();
		var written = this.export.write(this.fixtures.admin(), event.eventId(), out, (count) -> {
		});
		assertThat(written).isEqualTo(2);
		var records = new ArrayList<>(CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(out.toString()))
			.getRecords());
		assertThat(out.toString()).startsWith("booking_id,username,event,event_date,seats,booked_at,status\r\n");
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("booking_id")).isEqualTo(first);
		assertThat(records.get(0).get("seats")).isEqualTo("A1 A2 A10");
		assertThat(records.get(0).get("username")).isEqualTo(user.username());
		assertThat(records.get(0).get("event")).isEqualTo(event.name());
		assertThat(records.get(0).get("event_date")).isEqualTo(event.startsAt().toString());
		assertThat(records.get(0).get("status")).isEqualTo("CONFIRMED");
		assertThat(records.get(1).get("status")).isEqualTo("CANCELLED");
	}

	@Test
	void aLargeExportIsWrittenAsItIsReadWithItsProgressFromTheFirstBooking() throws Exception {
		var event = this.fixtures.newEvent(1, 1);
		var user = this.fixtures.newUser();
		int bookings = 20_000;
		// written around the engine, in two statements: 20,000 cancelled bookings of seat A1, one a millisecond
		var numbers = "with recursive n(i) as (select 1 union all select i + 1 from n where i < " + bookings + ") ";
		this.jdbc.update(numbers + "insert into bookings (id, version, event_id, account_id, status, created_at, "
				+ "cancelled_at, reference) select 'bulk' || i, 0, ?, ?, 'CANCELLED', 1000000 + i, 2000000 + i, "
				+ "'Z' || (1000000 + i) from n", event.eventId(), user.id());
		this.jdbc.update(numbers + "insert into booking_seats (booking_id, event_id, label, position, released_at) "
				+ "select 'bulk' || i, ?, 'A1', 0, 2000000 + i from n", event.eventId());
		var admin = this.fixtures.admin();
		assertThat(this.export.count(admin, event.eventId())).isEqualTo(bookings);

		var out = new StringWriter();
		var progress = new ArrayList<Long>();
		// what the writer had received when each thousandth booking was reported: the CSV goes out as it is read
		var writtenAt = new ArrayList<Integer>();
		var written = this.export.write(admin, event.eventId(), out, (count) -> {
			progress.add(count);
			if (count % 1000 == 0) {
				writtenAt.add(out.getBuffer().length());
			}
		});
		assertThat(written).isEqualTo(bookings);
		assertThat(progress.get(0)).isEqualTo(1);
		assertThat(progress).isSorted().contains(2L, 999L).endsWith((long) bookings);
		assertThat(writtenAt).hasSize(bookings / 1000).isSorted().doesNotHaveDuplicates();
		var lines = out.toString().lines().toList();
		assertThat(lines).hasSize(bookings + 1);
		assertThat(lines.get(0)).isEqualTo("booking_id,username,event,event_date,seats,booked_at,status");
		assertThat(lines.get(1)).startsWith("bulk1," + user.username() + ",").endsWith(",A1,1970-01-01T00:16:40.001Z,CANCELLED");
		assertThat(lines.get(bookings)).startsWith("bulk" + bookings + ",");
		assertThat(this.export.count(admin, null)).isGreaterThanOrEqualTo(bookings);
	}

	@Test
	void namesWithCommasAndQuotesStayInTheirCell() throws Exception {
		var event = this.fixtures.newEvent(1, 1);
		var user = this.fixtures.newUser();
		this.fixtures.book(user, event, "A1");
		var csv = this.export.export(this.fixtures.admin(), event.eventId());
		var record = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv)).getRecords().get(0);
		assertThat(record.size()).isEqualTo(7);
	}

	@Test
	void theDashboardAndTheExportAgreeWithTheBookings() throws Exception {
		var event = this.fixtures.newEvent(2, 5);
		var user = this.fixtures.newUser();
		var first = this.fixtures.book(user, event, "B5", "A1", "A2");
		this.clock.advance(Duration.ofSeconds(1));
		var second = this.fixtures.book(user, event, "B1");
		this.reservations.cancel(user, second);

		var figures = this.dashboard.figures(this.fixtures.admin(), event.eventId());
		assertThat(figures.totalSeats()).isEqualTo(10);
		assertThat(figures.bookedSeats()).isEqualTo(3);
		assertThat(figures.availableSeats()).isEqualTo(7);
		assertThat(figures.bookings()).isEqualTo(1);
		assertThat(figures.events()).singleElement().satisfies((line) -> assertThat(line.bookedSeats()).isEqualTo(3));
		assertThat(figures.recentBookings()).extracting((booking) -> booking.bookingId())
			.containsExactly(second, first);
		var overall = this.dashboard.figures(this.fixtures.admin(), null);
		assertThat(overall.bookedSeats() + overall.availableSeats() + overall.blockedSeats())
			.isEqualTo(overall.totalSeats());

		var csv = this.export.export(this.fixtures.admin(), event.eventId());
		assertThat(csv).startsWith("booking_id,username,event,event_date,seats,booked_at,status\r\n");
		var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv)).getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("booking_id")).isEqualTo(first);
		assertThat(records.get(0).get("seats")).isEqualTo("A1 A2 B5");
		assertThat(records.get(0).get("event_date")).isEqualTo(event.startsAt().toString());
		assertThat(records.get(0).get("status")).isEqualTo("CONFIRMED");
		assertThat(records.get(1).get("booking_id")).isEqualTo(second);
		assertThat(records.get(1).get("status")).isEqualTo("CANCELLED");
	}
}
