package io.seatline.engine.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptTests {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private static final Duration LOCKOUT = Duration.ofMinutes(10);

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void theThirdAttemptInTheWindowLocksTheSubject() {
		var attempt = new LoginAttempt("user:ann", NOW);
		assertThat(attempt.count(NOW, 3, WINDOW, LOCKOUT)).isFalse();
		assertThat(attempt.count(NOW.plusSeconds(1), 3, WINDOW, LOCKOUT)).isFalse();
		assertThat(attempt.count(NOW.plusSeconds(2), 3, WINDOW, LOCKOUT)).isTrue();
		assertThat(attempt.isLockedAt(NOW.plusSeconds(3))).isTrue();
		assertThat(attempt.isLockedAt(NOW.plusSeconds(2).plus(LOCKOUT))).isFalse();
	}

	@Test
	void attemptsOutsideTheWindowStartANewCount() {
		var attempt = new LoginAttempt("user:ann", NOW);
		attempt.count(NOW, 3, WINDOW, LOCKOUT);
		attempt.count(NOW.plusSeconds(1), 3, WINDOW, LOCKOUT);
		assertThat(attempt.count(NOW.plus(Duration.ofMinutes(16)), 3, WINDOW, LOCKOUT)).isFalse();
		assertThat(attempt.isLockedAt(NOW.plus(Duration.ofMinutes(16)))).isFalse();
		assertThat(attempt.attempts()).isOne();
	}

	@Test
	void anAddressIsLockedByItsFailuresNotByAttemptsInFlight() {
		var address = new LoginAttempt("address:10.0.0.1", NOW);
		for (int i = 0; i < 5; i++) {
			address.countUnlocking(NOW, WINDOW);
		}
		assertThat(address.isLockedAt(NOW)).isFalse();
		assertThat(address.hasFailedAt(NOW, WINDOW)).isTrue();
		for (int i = 0; i < 5; i++) {
			address.takeBack();
		}
		assertThat(address.hasFailedAt(NOW, WINDOW)).isFalse();
		assertThat(address.fail(NOW, 2, WINDOW, LOCKOUT)).isFalse();
		assertThat(address.fail(NOW, 2, WINDOW, LOCKOUT)).isTrue();
		assertThat(address.isLockedAt(NOW.plusSeconds(1))).isTrue();
	}
}
