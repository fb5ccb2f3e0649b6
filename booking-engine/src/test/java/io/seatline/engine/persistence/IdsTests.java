package io.seatline.engine.persistence;

import java.time.Instant;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void idsAreLowercaseAndDistinct() {
		var seen = new HashSet<String>();
		for (int i = 0; i < 100_000; i++) {
			var id = Ids.next();
			assertThat(id).hasSize(19).matches("[0-9a-hjkmnp-tv-z]+");
			seen.add(id);
		}
		assertThat(seen).hasSize(100_000);
	}

	@Test
	void idsOfALaterSecondSortAfterThoseOfAnEarlierOne() {
		var second = Instant.parse("2026-12-01T10:00:00Z").getEpochSecond();
		for (int i = 0; i < 1_000; i++) {
			var earlier = Ids.next(second + i);
			var later = Ids.next(second + i + 1);
			assertThat(later).isGreaterThan(earlier);
			assertThat(later.substring(0, 6)).isNotEqualTo(earlier.substring(0, 6));
		}
	}

	@Test
	void idsOfOneSecondShareTheirPrefixAndDifferInTheirRandomPart() {
		var second = Instant.parse("2054-01-01T00:00:00Z").getEpochSecond();
		var first = Ids.next(second);
		var other = Ids.next(second);
		assertThat(first.substring(0, 6)).isEqualTo(other.substring(0, 6));
		assertThat(first.substring(6)).isNotEqualTo(other.substring(6));
	}
}
