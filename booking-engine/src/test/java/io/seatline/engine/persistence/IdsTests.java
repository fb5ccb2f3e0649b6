package io.seatline.engine.persistence;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void idsAreShortLowercaseAndDistinct() {
		var seen = new HashSet<String>();
		for (int i = 0; i < 100_000; i++) {
			var id = Ids.next();
			assertThat(id).hasSize(13).matches("[0-9a-hjkmnp-tv-z]+");
			seen.add(id);
		}
		assertThat(seen).hasSize(100_000);
	}
}
