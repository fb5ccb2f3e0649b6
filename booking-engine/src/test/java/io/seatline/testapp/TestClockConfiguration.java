package io.seatline.testapp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.seatline.engine.jobs.Jobs;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	MutableClock clock() {
		return MutableClock.startingNow();
	}

	/**
	 * db-scheduler waits between polls on the engine's clock: it waits until that clock reads the poll's start plus
	 * the polling interval. A clock that only tests move can leave it waiting for good: when a test moves the clock
	 * after a poll found nothing but before the worker starts its wait, the wait's end lies past a clock that never
	 * moves again. Every move therefore wakes the worker, as the passing of time would with a clock that ticks.
	 */
	@Bean
	SmartInitializingSingleton jobWorkerWakesWhenTheClockMoves(MutableClock clock, ObjectProvider<Jobs> jobs) {
		return () -> clock.whenMoved(() -> jobs.ifAvailable(Jobs::nudgeAfterCommit));
	}
}
