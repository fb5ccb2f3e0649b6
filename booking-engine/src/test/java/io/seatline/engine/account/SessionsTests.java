package io.seatline.engine.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidCredentials;
import io.seatline.engine.error.TooManyAttempts;
import io.seatline.engine.error.Unauthenticated;
import io.seatline.testapp.EngineTest;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Accounts, logins and sessions on a real database (each subclass names one). */
abstract class SessionsTests {

	@Autowired
	Registrations registrations;

	@Autowired
	Sessions sessions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountSettings settings;

	@Test
	void aNewDatabaseHasAnAdminWithTheConfiguredPassword() {
		var signedIn = this.sessions.login("admin", EngineTest.ADMIN_PASSWORD);
		assertThat(signedIn.role()).isEqualTo(Role.ADMIN);
		assertThat(this.sessions.authenticate(signedIn.token()).isAdmin()).isTrue();
	}

	@Test
	void passwordsAreStoredAsArgon2HashesNamingTheirAlgorithm() {
		this.registrations.register(new RegisterAccount("hashed", "hashed@example.org", "correct horse"));
		var hash = this.jdbc.queryForObject("select password_hash from accounts where username = 'hashed'",
				String.class);
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("correct horse");
	}

	@Test
	void tokensAreStoredOnlyAsHashes() {
		this.registrations.register(new RegisterAccount("tokens", "tokens@example.org", "password-1"));
		var token = this.sessions.login("tokens", "password-1").token();
		assertThat(token).hasSizeGreaterThanOrEqualTo(43);
		assertThat(this.jdbc.queryForObject("select count(*) from login_sessions where token_hash = ?", Integer.class,
				token)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from login_sessions where token_hash = ?", Integer.class,
				Sessions.hash(token))).isOne();
	}

	@Test
	void usernamesAreUniqueWhateverTheirCase() {
		this.registrations.register(new RegisterAccount("Carol", "carol@example.org", "password-1"));
		assertThatExceptionOfType(Conflict.class).isThrownBy(
				() -> this.registrations.register(new RegisterAccount("cAROL", "c2@example.org", "password-2")));
		assertThat(this.sessions.login("CAROL", "password-1").username()).isEqualTo("Carol");
	}

	@Test
	void aWrongPasswordOrAnUnknownUserIsInvalidCredentials() {
		this.registrations.register(new RegisterAccount("dave", "dave@example.org", "password-1"));
		assertThatExceptionOfType(InvalidCredentials.class).isThrownBy(() -> this.sessions.login("dave", "wrong-pass"));
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login("nobody-here", "password-1"));
		// even the password behind the timing decoy opens nothing
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login("nobody-here", "decoy password that never matches anything"));
	}

	@Test
	void repeatedFailuresLockTheUsernameEvenForTheRightPassword() {
		this.registrations.register(new RegisterAccount("erin", "erin@example.org", "password-1"));
		for (int i = 0; i < this.settings.maxFailedLogins(); i++) {
			assertThatExceptionOfType(InvalidCredentials.class)
				.isThrownBy(() -> this.sessions.login("erin", "wrong-pass"));
		}
		assertThatExceptionOfType(TooManyAttempts.class).isThrownBy(() -> this.sessions.login("erin", "password-1"));
		assertThatExceptionOfType(TooManyAttempts.class).isThrownBy(() -> this.sessions.login("ERIN", "password-1"));
		this.clock.advance(this.settings.lockout());
		assertThat(this.sessions.login("erin", "password-1").username()).isEqualTo("erin");
	}

	@Test
	void aSuccessfulLoginClearsEarlierFailures() {
		this.registrations.register(new RegisterAccount("fred", "fred@example.org", "password-1"));
		for (int i = 0; i < this.settings.maxFailedLogins() - 1; i++) {
			assertThatExceptionOfType(InvalidCredentials.class)
				.isThrownBy(() -> this.sessions.login("fred", "wrong-pass"));
		}
		this.sessions.login("fred", "password-1");
		assertThatExceptionOfType(InvalidCredentials.class).isThrownBy(() -> this.sessions.login("fred", "wrong-pass"));
		assertThat(this.sessions.login("fred", "password-1").username()).isEqualTo("fred");
	}

	@Test
	void aSessionExpires() {
		this.registrations.register(new RegisterAccount("gina", "gina@example.org", "password-1"));
		var signedIn = this.sessions.login("gina", "password-1");
		assertThat(signedIn.expiresAt()).isEqualTo(this.clock.instant().plus(this.settings.sessionTtl()));
		this.clock.advance(this.settings.sessionTtl().minus(Duration.ofSeconds(1)));
		assertThat(this.sessions.authenticate(signedIn.token()).username()).isEqualTo("gina");
		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(() -> this.sessions.authenticate(signedIn.token()));
	}

	@Test
	void logoutEndsTheSessionOnTheServer() {
		this.registrations.register(new RegisterAccount("hank", "hank@example.org", "password-1"));
		var token = this.sessions.login("hank", "password-1").token();
		this.sessions.logout(token);
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(() -> this.sessions.authenticate(token));
	}

	@Test
	void missingAndUnknownTokensAreUnauthenticated() {
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(() -> this.sessions.authenticate(null));
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(() -> this.sessions.authenticate("made-up"));
	}

	@Test
	void anOlderHashIsUpgradedToArgon2AtTheNextLogin() {
		this.registrations.register(new RegisterAccount("ivan", "ivan@example.org", "placeholder-1"));
		var bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("password-1");
		this.jdbc.update("update accounts set password_hash = ? where username = 'ivan'", bcrypt);
		this.sessions.login("ivan", "password-1");
		var hash = this.jdbc.queryForObject("select password_hash from accounts where username = 'ivan'",
				String.class);
		assertThat(hash).startsWith("{argon2}");
		assertThat(this.sessions.login("ivan", "password-1").username()).isEqualTo("ivan");
	}

	@Test
	void aRegisteredUserLogsInAndAWrongPasswordIsRefused() {
		var registered = this.registrations.register(new RegisterAccount("Ann.pg", "ann@example.org", "correct horse"));
		var signedIn = this.sessions.login("ann.PG", "correct horse");
		assertThat(signedIn.username()).isEqualTo("Ann.pg");
		assertThat(signedIn.role()).isEqualTo(Role.USER);
		assertThat(this.sessions.authenticate(signedIn.token()).id()).isEqualTo(registered.userId());
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login("Ann.pg", "wrong horse"));
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.registrations
			.register(new RegisterAccount("ANN.PG", "other@example.org", "correct horse")));
		assertThat(this.sessions.login("admin", "admin-password-1").role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void ofEightRegistrationsOfOneNameAtOnceOneWinsAndTheOthersAreToldItIsTaken() throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(8);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < 8; i++) {
			var email = "twin" + i + "@example.org";
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return this.registrations.register(new RegisterAccount("Twin", email, "password-twin"));
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		var results = new ArrayList<Object>();
		for (var outcome : outcomes) {
			results.add(outcome.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		// the losers of the unique index on PostgreSQL hear CONFLICT, as the losers of the check before it do
		assertThat(results).filteredOn(Registered.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(Conflict.class::isInstance).hasSize(7);
	}
}
