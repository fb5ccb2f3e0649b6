package io.seatline.testapp;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits for what a background worker does (a job run, an email sent), without a fixed sleep. */
public final class Awaits {

	private Awaits() {
	}

	/**
	 * Returns once the condition holds, checking every 50 ms; fails after the time given, which should be generous:
	 * these machines are shared and slow at times.
	 */
	public static void until(BooleanSupplier condition, Duration atMost) throws InterruptedException {
		var deadline = System.nanoTime() + atMost.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited " + atMost.toSeconds() + " s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}
}
