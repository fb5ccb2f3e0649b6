package io.seatline.testapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that tests move by hand, to reach an event's start without waiting for it. */
public class MutableClock extends Clock {

	private volatile Instant now;

	private final List<Runnable> whenMoved = new CopyOnWriteArrayList<>();

	public MutableClock(Instant now) {
		this.now = now;
	}

	public static MutableClock startingNow() {
		return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
		this.whenMoved.forEach(Runnable::run);
	}

	public void set(Instant instant) {
		this.now = instant;
		this.whenMoved.forEach(Runnable::run);
	}

	/** Runs the action after every move of this clock. */
	public void whenMoved(Runnable action) {
		this.whenMoved.add(action);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
