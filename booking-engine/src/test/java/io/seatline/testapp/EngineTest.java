package io.seatline.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test of the engine on a real SQLite file (a new one for each Spring context; test classes with the
 * same settings share one), with a {@link MutableClock} and an admin whose password is {@value #ADMIN_PASSWORD}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EngineTestApplication.class,
		properties = { "DATABASE_URL=jdbc:sqlite:target/test-databases/engine-${random.uuid}.db",
				"ADMIN_PASSWORD=" + EngineTest.ADMIN_PASSWORD, "seatline.jobs.outbox-dir=target/outbox" })
@Import({ TestClockConfiguration.class, FixturesConfiguration.class })
public @interface EngineTest {

	String ADMIN_PASSWORD = "admin-password-1";

}
