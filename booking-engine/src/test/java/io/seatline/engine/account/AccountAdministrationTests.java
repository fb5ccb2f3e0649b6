package io.seatline.engine.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidCredentials;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.Unauthenticated;
import io.seatline.testapp.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Listing, disabling and enabling accounts on a real database (each subclass names one). */
abstract class AccountAdministrationTests {

	@Autowired
	AccountAdministration administration;

	@Autowired
	Sessions sessions;

	@Autowired
	Fixtures fixtures;

	@Test
	void aDisabledAccountLosesItsSessionsAndCannotSignInUntilEnabled() {
		var user = this.fixtures.newUser();
		var token = this.sessions.login(user.username(), "password-" + user.username()).token();
		var admin = this.fixtures.admin();

		var disabled = this.administration.disable(admin, user.username().toUpperCase());
		assertThat(disabled.disabled()).isTrue();
		assertThat(disabled.sessionsEnded()).isEqualTo(2);
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(() -> this.sessions.authenticate(token));
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login(user.username(), "password-" + user.username()));
		assertThat(this.administration.list(admin, user.username(), null)).singleElement()
			.satisfies((account) -> assertThat(account.disabled()).isTrue());
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.administration.disable(admin, user.username()));

		assertThat(this.administration.enable(admin, user.username()).disabled()).isFalse();
		assertThat(this.sessions.login(user.username(), "password-" + user.username()).username())
			.isEqualTo(user.username());
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.administration.enable(admin, user.username()));
	}

	@Test
	void theAdminCannotDisableItselfAndUsersCannotDisableAnyone() {
		var admin = this.fixtures.admin();
		var user = this.fixtures.newUser();
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.administration.disable(admin, "admin"));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.administration.disable(user, "admin"));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.administration.list(user, null, null));
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.administration.enable(admin, "nobody-here"));
		assertThat(this.administration.list(admin, "ADM", 5)).extracting(AccountSummary::username).contains("admin");
	}
}
