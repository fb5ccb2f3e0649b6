package io.seatline.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.seatline.testapp.EngineTestApplication;
import io.seatline.testapp.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-only calls run at most {@code seatline.transactions.max-readers} at once, on a real SQLite file. */
class ReadersTakeTurnsTests {

	@Test
	void aSecondReaderWaitsForTheFirstAndANestedReadJoinsItsCaller() throws Exception {
		try (var context = new SpringApplicationBuilder(EngineTestApplication.class).web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + TestDatabases.newUrl("readers-turns"), "ADMIN_PASSWORD=admin-password-1",
					"seatline.jobs.worker=false", "seatline.transactions.max-readers=1")
			.run()) {
			var calls = context.getBean(AllOrNothing.class);
			var firstStarted = new CountDownLatch(1);
			var firstMayEnd = new CountDownLatch(1);
			var first = CompletableFuture.supplyAsync(() -> calls.read(() -> {
				firstStarted.countDown();
				await(firstMayEnd);
				// a read inside a read has its caller's turn: it must not wait for one of its own
				return calls.read(() -> "first");
			}));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			var second = CompletableFuture.supplyAsync(() -> calls.read(() -> "second"));
			Thread.sleep(300);
			assertThat(second).as("the second reader waits while the first holds the only turn").isNotDone();
			firstMayEnd.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
			assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
