package io.seatline.engine.persistence;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.seatline.engine.account.RegisterAccount;
import io.seatline.engine.account.Registrations;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.catalog.BrowseEvents;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.testapp.EngineTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The migrations on a real database (each subclass names one): a new one is created, an existing one upgraded. */
abstract class MigrationTests {

	/** The URL of a new, empty database. */
	abstract String newUrl(String name);

	@Test
	void aNewDatabaseIsCreatedAndAnExistingOneKeepsItsData() throws Exception {
		var url = newUrl("migrations");
		try (var context = start(url)) {
			context.getBean(Registrations.class)
				.register(new RegisterAccount("kept", "kept@example.org", "password-1"));
		}
		try (var context = start(url)) {
			assertThat(context.getBean(Sessions.class).login("kept", "password-1").username()).isEqualTo("kept");
		}
		assertThat(appliedMigrations(url)).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true",
				"7:true", "8:true", "8.1:true", "9:true", "10:true", "11:true", "12:true", "13:true", "13.1:true", "14:true");
	}

	@Test
	void aDatabaseOfTheFirstVersionIsUpgradedInPlace() throws Exception {
		var url = newUrl("upgrade");
		try (var context = new SpringApplicationBuilder(EngineTestApplication.class).web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + url, "ADMIN_PASSWORD=admin-password-1", "spring.flyway.target=1",
					"seatline.jobs.worker=false")
			.run()) {
			context.getBean(Registrations.class)
				.register(new RegisterAccount("veteran", "veteran@example.org", "password-1"));
		}
		assertThat(appliedMigrations(url)).containsExactly("1:true");
		// an event of the first version, its seats written as that version's engine wrote them
		try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
			statement.executeUpdate("insert into venues (id, version, name, name_key, capacity, created_at) "
					+ "values ('v1', 0, 'Old Hall', 'old hall', 3, 0)");
			statement.executeUpdate("insert into events (id, version, venue_id, name, starts_at, total_seats, created_at) "
					+ "values ('e1', 0, 'v1', 'Old Show', 4102444800000, 3, 0)");
			statement.executeUpdate("insert into event_seats (event_id, label, position, status) values "
					+ "('e1', '1', 0, 'AVAILABLE'), ('e1', '2', 1, 'BLOCKED'), ('e1', '3', 2, 'AVAILABLE')");
			// bookings of before references: the upgrade gives each one
			for (var booking : List.of("b1", "b2", "b3")) {
				statement.executeUpdate("insert into bookings (id, version, event_id, account_id, status, created_at, "
						+ "cancelled_at) select '" + booking + "', 0, 'e1', id, 'CANCELLED', 1, 2 from accounts "
						+ "where username_key = 'veteran'");
			}
		}
		try (var context = start(url)) {
			assertThat(context.getBean(Sessions.class).login("veteran", "password-1").username()).isEqualTo("veteran");
			// the kept counts start from the seats that exist
			assertThat(context.getBean(EventCatalog.class).browse(new BrowseEvents(null, null, null)))
				.singleElement()
				.satisfies((event) -> assertThat(event.availableSeats()).isEqualTo(2));
			// an event of before prices: free, all its seats in one category, in the configured currency
			var map = context.getBean(EventCatalog.class).seatMap("e1");
			assertThat(map.currency()).isEqualTo("EUR");
			assertThat(map.categories()).containsExactly(new SeatMap.Category("Standard", "#2e8b57", 0));
			assertThat(map.seats()).extracting(SeatMap.Seat::category).containsOnly(0);
		}
		var references = new ArrayList<String>();
		try (var connection = DriverManager.getConnection(url);
				var result = connection.createStatement().executeQuery("select reference from bookings order by id")) {
			while (result.next()) {
				references.add(result.getString(1));
			}
		}
		assertThat(references).hasSize(3).doesNotHaveDuplicates().allMatch((reference) -> reference.matches(
				"[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}"));
		assertThat(appliedMigrations(url)).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true",
				"7:true", "8:true", "8.1:true", "9:true", "10:true", "11:true", "12:true", "13:true", "13.1:true", "14:true");
	}

	@Test
	void venuesOfBeforeTimeZonesGetTheConfiguredDefaultZoneOnce() throws Exception {
		var url = newUrl("zones");
		new SpringApplicationBuilder(EngineTestApplication.class).web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + url, "ADMIN_PASSWORD=admin-password-1", "spring.flyway.target=8.1",
					"seatline.jobs.worker=false")
			.run()
			.close();
		try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
			statement.executeUpdate("insert into venues (id, version, name, name_key, capacity, created_at) "
					+ "values ('v1', 0, 'Old Hall', 'old hall', 3, 0)");
		}
		try (var context = start(url, "Asia/Tokyo")) {
			assertThat(context.getBean(EventCatalog.class).venues()).singleElement()
				.satisfies((venue) -> assertThat(venue.timeZone()).isEqualTo("Asia/Tokyo"));
		}
		// another default later neither fails the applied migration's check nor moves the venues of before
		try (var context = start(url, "Europe/Berlin")) {
			var catalog = context.getBean(EventCatalog.class);
			assertThat(catalog.venues()).singleElement()
				.satisfies((venue) -> assertThat(venue.timeZone()).isEqualTo("Asia/Tokyo"));
			var sessions = context.getBean(Sessions.class);
			var admin = sessions.authenticate(sessions.login("admin", "admin-password-1").token());
			assertThat(catalog.createVenue(admin, CreateVenue.withCapacity("New Hall", 2)).timeZone())
				.isEqualTo("Europe/Berlin");
		}
	}

	@Test
	void anUnknownDefaultZoneStopsTheStartBeforeAnyMigration() {
		assertThatException().isThrownBy(() -> start(newUrl("bad-zone"), "Mars/Olympus").close())
			.withStackTraceContaining("seatline.default-time-zone");
	}

	static ConfigurableApplicationContext start(String url, String defaultTimeZone) {
		return new SpringApplicationBuilder(EngineTestApplication.class).web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + url, "ADMIN_PASSWORD=admin-password-1",
					"seatline.default-time-zone=" + defaultTimeZone)
			.run();
	}

	static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(EngineTestApplication.class).web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + url, "ADMIN_PASSWORD=admin-password-1")
			.run();
	}

	private static List<String> appliedMigrations(String url) throws Exception {
		var rows = new ArrayList<String>();
		try (var connection = DriverManager.getConnection(url);
				var result = connection.createStatement()
					.executeQuery("select version, success from flyway_schema_history where version is not null "
							+ "order by installed_rank")) {
			while (result.next()) {
				rows.add(result.getString(1) + ":" + result.getBoolean(2));
			}
		}
		return rows;
	}
}
