package io.seatline.engine.account;

import org.junit.jupiter.api.Test;

import io.seatline.engine.error.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegisterAccountTests {

	@Test
	void aValidAccountIsAccepted() {
		var command = new RegisterAccount("Ann.Lee_2-x", " ann@example.org ", "tulip-7-harbor");
		assertThat(command.email()).isEqualTo("ann@example.org");
	}

	@Test
	void usernamesHave3To32AllowedCharacters() {
		assertRefused("ab", "ann@example.org", "tulip-7-harbor", "username");
		assertRefused("a".repeat(33), "ann@example.org", "tulip-7-harbor", "username");
		assertRefused("ann lee", "ann@example.org", "tulip-7-harbor", "username");
		assertRefused("ann<script>", "ann@example.org", "tulip-7-harbor", "username");
		assertRefused(null, "ann@example.org", "tulip-7-harbor", "username");
	}

	@Test
	void passwordsHave8To128Characters() {
		assertRefused("ann", "ann@example.org", "1234567", "password");
		assertRefused("ann", "ann@example.org", "x".repeat(129), "password");
		assertThat(new RegisterAccount("ann", "ann@example.org", "x".repeat(128)).password()).hasSize(128);
	}

	@Test
	void commonPasswordsTheUsernameAndBlankPasswordsAreRefused() {
		assertRefused("ann", "ann@example.org", "password", "password");
		assertRefused("ann", "ann@example.org", "12345678", "password");
		assertRefused("ann", "ann@example.org", "Iloveyou", "password");
		assertRefused("ann", "ann@example.org", "QWERTYUIOP", "password");
		assertRefused("annabelle", "ann@example.org", "AnnaBelle", "password");
		assertRefused("annabelle", "ann@example.org", " annabelle ", "password");
		assertRefused("ann", "ann@example.org", " ".repeat(8), "password");
		assertRefused("ann", "ann@example.org", "\t \u00a0 \u2003\n  ", "password");
		assertThat(PasswordPolicy.COMMON.size()).isGreaterThan(10_000);
	}

	@Test
	void anEmailNeedsAnAtAndADomain() {
		assertRefused("ann", "ann", "tulip-7-harbor", "email");
		assertRefused("ann", "ann@localhost", "tulip-7-harbor", "email");
		assertRefused("ann", "", "tulip-7-harbor", "email");
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
