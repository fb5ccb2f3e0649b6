package io.seatline.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The runner's clock in tests: real time plus an offset a test can move, to reach an event's start. */
class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	void travel(Duration by) {
		this.offset = this.offset.plus(by);
	}

	void reset() {
		this.offset = Duration.ZERO;
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
	}
}
