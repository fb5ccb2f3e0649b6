package io.seatline.engine.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginFailureTests {

	private static final AccountSettings SETTINGS = new AccountSettings(Duration.ofHours(12), 3,
			Duration.ofMinutes(15), Duration.ofMinutes(10));

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void theThirdFailureInTheWindowLocksTheUsername() {
		var failure = new LoginFailure("ann", NOW);
		assertThat(failure.record(NOW, SETTINGS)).isFalse();
		assertThat(failure.record(NOW.plusSeconds(1), SETTINGS)).isFalse();
		assertThat(failure.record(NOW.plusSeconds(2), SETTINGS)).isTrue();
		assertThat(failure.isLockedAt(NOW.plusSeconds(3))).isTrue();
		assertThat(failure.isLockedAt(NOW.plusSeconds(2).plus(Duration.ofMinutes(10)))).isFalse();
	}

	@Test
	void failuresOutsideTheWindowStartANewCount() {
		var failure = new LoginFailure("ann", NOW);
		failure.record(NOW, SETTINGS);
		failure.record(NOW.plusSeconds(1), SETTINGS);
		assertThat(failure.record(NOW.plus(Duration.ofMinutes(16)), SETTINGS)).isFalse();
		assertThat(failure.isLockedAt(NOW.plus(Duration.ofMinutes(16)))).isFalse();
	}
}
