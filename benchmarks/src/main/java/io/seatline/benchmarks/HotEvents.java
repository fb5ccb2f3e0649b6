package io.seatline.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event that bookings go to. Random picks on a filling event are refused more and more often, so once a quarter
 * of an event is sold ({@link #ROTATE_AT}) the bookings move on to the next one: the share of 409s then stays
 * comparable between a slow and a fast engine instead of growing with the seats sold. Events are created ahead
 * ({@link #prepareFor}) so that creating one rarely falls inside a measurement; a fixed set of events
 * ({@link #fixed}) never grows and stays on its last event.
 */
final class HotEvents {

	static final double ROTATE_AT = 0.25;

	private final Factory factory;

	private final int capacity;

	private final boolean growing;

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicLong> sold = new ConcurrentHashMap<>();

	private final AtomicInteger current = new AtomicInteger();

	private final AtomicLong totalSold = new AtomicLong();

	private HotEvents(Factory factory, int capacity, boolean growing, List<String> events) {
		this.factory = factory;
		this.capacity = capacity;
		this.growing = growing;
		events.forEach(this::add);
	}

	/** Starts on a new event and creates more as bookings fill them. */
	static HotEvents growing(Factory factory, int capacity) throws Exception {
		return new HotEvents(factory, capacity, true, List.of(factory.create()));
	}

	/** Moves through the given events and no further. */
	static HotEvents fixed(List<String> events, int capacity) {
		return new HotEvents(() -> {
			throw new IllegalStateException("A fixed set of events grows no further");
		}, capacity, false, events);
	}

	String current() {
		return this.events.get(this.current.get());
	}

	/** Counts seats sold on an event, and moves on when the current event is a quarter sold. */
	void sold(String event, int seats) throws Exception {
		this.totalSold.addAndGet(seats);
		long soldNow = this.sold.get(event).addAndGet(seats);
		if (soldNow >= this.capacity * ROTATE_AT && event.equals(current())) {
			moveOn(event);
		}
	}

	/** Creates events ahead, so that {@code seats} more can be sold without creating one in the middle. */
	void prepareFor(long seats) throws Exception {
		if (!this.growing) {
			return;
		}
		long room = 0;
		for (int i = this.current.get(); i < this.events.size(); i++) {
			room += Math.max(0, (long) (this.capacity * ROTATE_AT) - this.sold.get(this.events.get(i)).get());
		}
		while (room < seats) {
			add(this.factory.create());
			room += (long) (this.capacity * ROTATE_AT);
		}
	}

	long seatsSold() {
		return this.totalSold.get();
	}

	int eventsUsed() {
		return this.current.get() + 1;
	}

	List<String> events() {
		return List.copyOf(this.events);
	}

	private synchronized void moveOn(String full) throws Exception {
		if (!full.equals(current())) {
			return;
		}
		if (this.current.get() + 1 >= this.events.size()) {
			if (!this.growing) {
				return;
			}
			add(this.factory.create());
		}
		this.current.incrementAndGet();
	}

	private void add(String event) {
		this.sold.putIfAbsent(event, new AtomicLong());
		this.events.add(event);
	}

	/** Creates one new event of the benchmark's venue. */
	@FunctionalInterface
	interface Factory {

		String create() throws Exception;
	}
}
