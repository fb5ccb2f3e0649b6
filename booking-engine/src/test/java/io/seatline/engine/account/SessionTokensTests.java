package io.seatline.engine.account;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Session tokens: 43 URL-safe characters that a command line never takes for an option. */
class SessionTokensTests {

	@Test
	void noTokenBeginsWithADashAndNoneRepeats() {
		var tokens = new HashSet<String>();
		// one token in 64 would begin with a dash if nothing kept it from doing so: 10,000 draws find one for sure
		for (int i = 0; i < 10_000; i++) {
			var token = Sessions.newToken();
			assertThat(token).matches("[A-Za-z0-9_-]{43}").doesNotStartWith("-");
			assertThat(tokens.add(token)).isTrue();
		}
	}
}
