package io.seatline.engine.account;

import org.junit.jupiter.api.Test;

import io.seatline.engine.error.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegisterAccountTests {

	@Test
	void aValidAccountIsAccepted() {
		var command = new RegisterAccount("Ann.Lee_2-x", " ann@example.org ", "12345678");
		assertThat(command.email()).isEqualTo("ann@example.org");
	}

	@Test
	void usernamesHave3To32AllowedCharacters() {
		assertRefused("ab", "ann@example.org", "12345678", "username");
		assertRefused("a".repeat(33), "ann@example.org", "12345678", "username");
		assertRefused("ann lee", "ann@example.org", "12345678", "username");
		assertRefused("ann<script>", "ann@example.org", "12345678", "username");
		assertRefused(null, "ann@example.org", "12345678", "username");
	}

	@Test
	void passwordsHave8To128Characters() {
		assertRefused("ann", "ann@example.org", "1234567", "password");
		assertRefused("ann", "ann@example.org", "x".repeat(129), "password");
		assertThat(new RegisterAccount("ann", "ann@example.org", "x".repeat(128)).password()).hasSize(128);
	}

	@Test
	void anEmailNeedsAnAtAndADomain() {
		assertRefused("ann", "ann", "12345678", "email");
		assertRefused("ann", "ann@localhost", "12345678", "email");
		assertRefused("ann", "", "12345678", "email");
	}

	@Test
	void thePasswordNeverAppearsInTheCommandsText() {
		assertThat(new RegisterAccount("ann", "ann@example.org", "secret-password").toString())
			.doesNotContain("secret-password");
	}

	private static void assertRefused(String username, String email, String password, String field) {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new RegisterAccount(username, email, password))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}
}
