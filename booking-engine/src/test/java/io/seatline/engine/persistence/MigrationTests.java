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
import io.seatline.testapp.EngineTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(appliedMigrations(url)).containsExactly("1:true", "2:true");
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
		try (var context = start(url)) {
			assertThat(context.getBean(Sessions.class).login("veteran", "password-1").username()).isEqualTo("veteran");
		}
		assertThat(appliedMigrations(url)).containsExactly("1:true", "2:true");
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
