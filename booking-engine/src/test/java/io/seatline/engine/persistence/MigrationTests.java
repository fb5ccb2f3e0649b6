package io.seatline.engine.persistence;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;

import io.seatline.engine.account.Registrations;
import io.seatline.engine.account.RegisterAccount;
import io.seatline.engine.account.Sessions;
import io.seatline.testapp.EngineTestApplication;
import io.seatline.testapp.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTests {

	@Test
	void aNewDatabaseIsCreatedAndAnExistingOneKeepsItsData() throws Exception {
		var url = TestDatabases.newUrl("migrations");
		try (var context = start(url)) {
			context.getBean(Registrations.class)
				.register(new RegisterAccount("kept", "kept@example.org", "password-1"));
		}
		try (var context = start(url)) {
			assertThat(context.getBean(Sessions.class).login("kept", "password-1").username()).isEqualTo("kept");
		}
		assertThat(appliedMigrations(url)).isNotEmpty().allSatisfy((row) -> assertThat(row).endsWith("true"));
	}

	@Test
	void aDatabaseOfTheFirstVersionIsUpgradedInPlace() throws Exception {
		var url = TestDatabases.newUrl("upgrade");
		try (var context = new SpringApplicationBuilder(EngineTestApplication.class).web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + url, "ADMIN_PASSWORD=admin-password-1", "spring.flyway.target=1",
					"seatline.jobs.worker=false")
			.run()) {
			context.getBean(Registrations.class)
				.register(new RegisterAccount("veteran", "veteran@example.org", "password-1"));
		}
		assertThat(appliedMigrations(url)).containsExactly("1:true");
		try (var context = start(url)) {
			assertThat(context.getBean(Sessions.class).login("veteran", "password-1").username()).isEqualTo("veteran");
		}
		assertThat(appliedMigrations(url)).contains("1:true", "2:true");
	}

	@Test
	void theFileRunsInWalModeWithForeignKeys() throws Exception {
		var url = TestDatabases.newUrl("pragmas");
		try (var context = start(url)) {
			var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
			assertThat(jdbc.queryForObject("pragma journal_mode", String.class)).isEqualToIgnoringCase("wal");
			assertThat(jdbc.queryForObject("pragma foreign_keys", Integer.class)).isOne();
			assertThat(jdbc.queryForObject("pragma synchronous", Integer.class)).isEqualTo(2);
			assertThat(jdbc.queryForObject("pragma busy_timeout", Integer.class)).isGreaterThanOrEqualTo(10_000);
		}
	}

	private static org.springframework.context.ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(EngineTestApplication.class).web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + url, "ADMIN_PASSWORD=admin-password-1")
			.run();
	}

	private static List<String> appliedMigrations(String url) throws Exception {
		var rows = new ArrayList<String>();
		try (var connection = DriverManager.getConnection(url);
				var result = connection.createStatement()
					.executeQuery("select version, success from flyway_schema_history where version is not null")) {
			while (result.next()) {
				rows.add(result.getString(1) + ":" + (result.getInt(2) == 1));
			}
		}
		return rows;
	}
}
