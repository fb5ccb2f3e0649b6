package io.seatline.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of the engine on a real PostgreSQL server: like {@link EngineTest}, but each Spring context gets
 * a new database of {@link PostgresDatabases}' server as its {@code DATABASE_URL}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EngineTestApplication.class,
		properties = { "ADMIN_PASSWORD=" + EngineTest.ADMIN_PASSWORD, "seatline.jobs.outbox-dir=target/outbox" })
@ContextConfiguration(initializers = PostgresEngineTest.NewDatabase.class)
@Import({ TestClockConfiguration.class, FixturesConfiguration.class })
public @interface PostgresEngineTest {

	/** Points the context at a new PostgreSQL database. */
	class NewDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("seatline-postgres",
						Map.of("DATABASE_URL", PostgresDatabases.newUrl("engine"))));
		}
	}
}
