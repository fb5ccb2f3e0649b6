package io.seatline.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.seatline.engine.jobs.Jobs;

/** The runner's clock in tests: real time plus an offset a test can move, to reach an event's start. */
class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	private volatile Runnable whenMoved = () -> {
	};

	void travel(Duration by) {
		this.offset = this.offset.plus(by);
		this.whenMoved.run();
	}

	void reset() {
		this.offset = Duration.ZERO;
		this.whenMoved.run();
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset).truncatedTo(ChronoUnit.MILLIS);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		TestClock clock() {
			return new TestClock();
		}

		/**
		 * db-scheduler waits between polls until the engine's clock reads the poll's start plus the polling interval:
		 * a clock set back (as {@link TestClock#reset()} does after a test travelled) would keep it waiting for the time set
		 * back. Every move wakes the worker.
		 */
		@Bean
		SmartInitializingSingleton jobWorkerWakesWhenTheClockMoves(TestClock clock, ObjectProvider<Jobs> jobs) {
			return () -> clock.whenMoved = () -> jobs.ifAvailable(Jobs::nudgeAfterCommit);
		}
	}
}
