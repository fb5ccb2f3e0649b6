package io.seatline.engine.catalog;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads kept per key: one read per key at a time, shared with the callers it serves, bounded in keys or in weight. */
class SharedReadsTests {

	@Test
	void callersAskingAtOnceShareOneRead() throws Exception {
		var shared = new SharedReads<String, Integer>(4);
		var reads = new AtomicInteger();
		var asked = new CountDownLatch(8);
		var pool = Executors.newFixedThreadPool(8);
		var answers = new ArrayList<Future<Integer>>();
		for (int i = 0; i < 8; i++) {
			answers.add(pool.submit(() -> {
				asked.countDown();
				return shared.get("map", (kept) -> true, () -> {
					try {
						// the first read lasts until every caller has asked
						asked.await(10, TimeUnit.SECONDS);
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return reads.incrementAndGet();
				});
			}));
		}
		for (var answer : answers) {
			assertThat(answer.get(10, TimeUnit.SECONDS)).isOne();
		}
		pool.shutdown();
		assertThat(reads).hasValue(1);
	}

	@Test
	void aKeptValueThatNoLongerServesIsReadAgainAndKept() {
		var shared = new SharedReads<String, Integer>(4);
		assertThat(shared.get("map", (kept) -> kept >= 1, () -> 1)).isOne();
		assertThat(shared.get("map", (kept) -> kept >= 1, () -> 99)).isOne();
		assertThat(shared.get("map", (kept) -> kept >= 2, () -> 2)).isEqualTo(2);
		assertThat(shared.get("map", (kept) -> kept >= 2, () -> 99)).isEqualTo(2);
	}

	@Test
	void pastItsCapacityItStartsOver() {
		var shared = new SharedReads<Integer, Integer>(2);
		shared.get(1, (kept) -> true, () -> 1);
		shared.get(2, (kept) -> true, () -> 2);
		assertThat(shared.get(1, (kept) -> true, () -> 99)).isOne();
		// a third key clears the first two
		shared.get(3, (kept) -> true, () -> 3);
		assertThat(shared.get(1, (kept) -> true, () -> 10)).isEqualTo(10);
	}

	@Test
	void aReadThatNoLongerServesIsMadeFromWhatIsKept() {
		var shared = new SharedReads<String, Integer>(4);
		// nothing kept yet: the read starts from nothing
		assertThat(shared.get("map", (kept) -> kept >= 1, (kept) -> (kept == null) ? 1 : 99)).isOne();
		// a seat map brought up to date from the one kept, not read again
		assertThat(shared.get("map", (kept) -> kept >= 3, (kept) -> kept + 2)).isEqualTo(3);
		assertThat(shared.get("map", (kept) -> kept >= 3, (kept) -> 99)).isEqualTo(3);
	}

	@Test
	void weighedItStartsOverWhenTheWeightWouldGoPastItsCapacity() {
		// each value weighs what it says: a seat map weighs its seats
		var shared = new SharedReads<String, Integer>(10, (value) -> value);
		shared.get("a", (kept) -> true, () -> 4);
		shared.get("b", (kept) -> true, () -> 5);
		assertThat(shared.get("a", (kept) -> true, () -> 99)).isEqualTo(4);
		// a newer value of a kept key replaces its weight, not adds to it: 5 + 5 fits
		assertThat(shared.get("a", (kept) -> kept == 5, () -> 5)).isEqualTo(5);
		assertThat(shared.get("b", (kept) -> true, () -> 99)).isEqualTo(5);
		// 5 + 5 + 1 does not: the kept maps go, the new one stays
		shared.get("c", (kept) -> true, () -> 1);
		assertThat(shared.get("c", (kept) -> true, () -> 99)).isOne();
		assertThat(shared.get("a", (kept) -> true, () -> 7)).isEqualTo(7);
		assertThat(shared.get("b", (kept) -> true, () -> 2)).isEqualTo(2);
	}
}
