package io.seatline.engine.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * What was read from the database, kept per key and shared while it is fresh enough for a caller, read again by one
 * caller at a time per key: the others asking meanwhile wait, then take what it read when that is fresh enough for
 * them too. Without this, every reader of a hot seat map or listing would read it at once each time it changed, and
 * take the cores the writer needs. At most {@code capacity} is kept, counted in keys or in each value's weight (a
 * seat map's seats); a value that would go past it starts over.
 */
final class SharedReads<K, V> {

	private final long capacity;

	private final ToIntFunction<V> weight;

	private final Map<K, V> kept = new ConcurrentHashMap<>();

	private final Map<K, Object> readers = new ConcurrentHashMap<>();

	// the weight of what is kept; changed under this object's lock
	private long used;

	/** At most {@code capacity} keys kept. */
	SharedReads(int capacity) {
		this(capacity, (value) -> 1);
	}

	/** At most {@code capacity} kept in all, each value weighing what {@code weight} says. */
	SharedReads(long capacity, ToIntFunction<V> weight) {
		this.capacity = capacity;
		this.weight = weight;
	}

	/** The kept value of the key when it serves this caller, else a new read (kept for the next callers). */
	V get(K key, Predicate<V> serves, Supplier<V> read) {
		return get(key, serves, (kept) -> read.get());
	}

	/**
	 * {@link #get(Object, Predicate, Supplier)} where the new read is made from what is kept for the key (null when
	 * nothing is): an older value brought up to date.
	 */
	V get(K key, Predicate<V> serves, UnaryOperator<V> read) {
		var value = this.kept.get(key);
		if (value != null && serves.test(value)) {
			return value;
		}
		synchronized (this.readers.computeIfAbsent(key, (any) -> new Object())) {
			value = this.kept.get(key);
			if (value != null && serves.test(value)) {
				return value;
			}
			value = read.apply(value);
			keep(key, value);
			return value;
		}
	}

	private synchronized void keep(K key, V value) {
		var replaced = this.kept.get(key);
		var after = this.used - ((replaced != null) ? this.weight.applyAsInt(replaced) : 0)
				+ this.weight.applyAsInt(value);
		if (after > this.capacity) {
			// a bound on memory: what people look at now is read again at once
			this.kept.clear();
			this.readers.clear();
			after = this.weight.applyAsInt(value);
		}
		this.kept.put(key, value);
		this.used = after;
	}
}
