package io.seatline.engine.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What was read from the database, kept per key and shared while it is fresh enough for a caller, read again by one
 * caller at a time per key: the others asking meanwhile wait, then take what it read when that is fresh enough for
 * them too. Without this, every reader of a hot seat map or listing would read it at once each time it changed, and
 * take the cores the writer needs. At most {@code capacity} keys are kept; the next one starts over.
 */
final class SharedReads<K, V> {

	private final int capacity;

	private final Map<K, V> kept = new ConcurrentHashMap<>();

	private final Map<K, Object> readers = new ConcurrentHashMap<>();

	SharedReads(int capacity) {
		this.capacity = capacity;
	}

	/** The kept value of the key when it serves this caller, else a new read (kept for the next callers). */
	V get(K key, Predicate<V> serves, Supplier<V> read) {
		var value = this.kept.get(key);
		if (value != null && serves.test(value)) {
			return value;
		}
		synchronized (this.readers.computeIfAbsent(key, (any) -> new Object())) {
			value = this.kept.get(key);
			if (value != null && serves.test(value)) {
				return value;
			}
			value = read.get();
			if (this.kept.size() >= this.capacity) {
				// a bound on memory: what people look at now is read again at once
				this.kept.clear();
				this.readers.clear();
			}
			this.kept.put(key, value);
			return value;
		}
	}
}
