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

import io.seatline.engine.AllOrNothing;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidCredentials;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
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

	@Autowired
	AllOrNothing allOrNothing;

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

	// --- issue 10: login throttling, password policy, password changes

	@Test
	void aFailedLoginIsCountedEvenWhenTheTransactionAroundItRollsBack() {
		this.registrations.register(new RegisterAccount("rollback", "rollback@example.org", "password-1"));
		for (int i = 0; i < this.settings.maxFailedLogins(); i++) {
			// a composition of reads runs in one transaction, which the refusal rolls back
			assertThatExceptionOfType(InvalidCredentials.class).isThrownBy(
					() -> this.allOrNothing.read(() -> this.sessions.login("rollback", "wrong-pass", "10.1.0.1")));
		}
		assertThatExceptionOfType(TooManyAttempts.class)
			.isThrownBy(() -> this.sessions.login("rollback", "password-1", "10.1.0.1"));
	}

	@Test
	void aLoginInsideAWriteIsRefusedBeforeAnyPasswordIsChecked() {
		this.registrations.register(new RegisterAccount("inwrite", "inwrite@example.org", "password-1"));
		// the writer's transaction is the caller's: an attempt could not be kept apart from it, so none is made
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.allOrNothing.write(() -> this.sessions.login("inwrite", "password-1")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from login_sessions s join accounts a on a.id = s.account_id where a.username = ?",
				Integer.class, "inwrite")).isZero();
	}

	@Test
	void aUsernameNoAccountCanHaveIsRefusedBeforeAnythingIsStored() {
		var before = this.jdbc.queryForObject("select count(*) from login_attempts", Integer.class);
		var huge = "x".repeat(1024 * 1024);
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> this.sessions.login(huge, "password-1"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("username"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.sessions.login("ab", "password-1", "10.1.0.2"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.sessions.login("someone", "p".repeat(129), "10.1.0.2"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("password"));
		assertThat(this.jdbc.queryForObject("select count(*) from login_attempts", Integer.class)).isEqualTo(before);
	}

	@Test
	void attemptRowsPastTheirWindowAreDeletedByLaterLogins() {
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login("ghost-1", "wrong-pass", "10.1.0.3"));
		assertThat(this.jdbc.queryForObject("select count(*) from login_attempts where subject in (?, ?)",
				Integer.class, "user:ghost-1", "address:10.1.0.3")).isEqualTo(2);
		this.clock.advance(this.settings.failureWindow().plus(this.settings.lockout()).plus(Duration.ofMinutes(2)));
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login("ghost-2", "wrong-pass", "10.1.0.4"));
		assertThat(this.jdbc.queryForObject("select count(*) from login_attempts where subject in (?, ?)",
				Integer.class, "user:ghost-1", "address:10.1.0.3")).isZero();
	}

	@Test
	void parallelGuessesAreCountedBeforeTheirCheckSoNoMoreThanTheLimitAreChecked() throws Exception {
		this.registrations.register(new RegisterAccount("parallel", "parallel@example.org", "password-1"));
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(12);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < 24; i++) {
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return this.sessions.login("parallel", "wrong-pass", "10.1.0.5");
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		var results = new ArrayList<Object>();
		for (var outcome : outcomes) {
			results.add(outcome.get(120, TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(results).filteredOn(InvalidCredentials.class::isInstance).hasSize(this.settings.maxFailedLogins());
		assertThat(results).filteredOn(TooManyAttempts.class::isInstance)
			.hasSize(24 - this.settings.maxFailedLogins());
	}

	@Test
	void aLockedOutOwnerStillSignsInFromAnAddressThatHasNotFailed() {
		this.registrations.register(new RegisterAccount("owner", "owner@example.org", "password-1"));
		for (int i = 0; i < this.settings.maxFailedLogins(); i++) {
			assertThatExceptionOfType(InvalidCredentials.class)
				.isThrownBy(() -> this.sessions.login("owner", "wrong-pass", "10.1.0.6"));
		}
		assertThatExceptionOfType(TooManyAttempts.class)
			.isThrownBy(() -> this.sessions.login("owner", "password-1", "10.1.0.6"));
		assertThat(this.sessions.login("owner", "password-1", "10.1.0.7").username()).isEqualTo("owner");
	}

	@Test
	void anAddressWithTooManyFailuresIsRefusedForEveryUsername() {
		this.registrations.register(new RegisterAccount("sprayed", "sprayed@example.org", "password-1"));
		for (int i = 0; i < this.settings.maxFailedLoginsPerAddress(); i++) {
			var name = "spray-" + i;
			assertThatExceptionOfType(InvalidCredentials.class)
				.isThrownBy(() -> this.sessions.login(name, "wrong-pass", "10.1.0.8"));
		}
		assertThatExceptionOfType(TooManyAttempts.class)
			.isThrownBy(() -> this.sessions.login("sprayed", "password-1", "10.1.0.8"));
		assertThat(this.sessions.login("sprayed", "password-1", "10.1.0.9").username()).isEqualTo("sprayed");
	}

	@Test
	void manyRightLoginsAtOnceFromOneAddressLockNothing() throws Exception {
		var count = this.settings.maxFailedLoginsPerAddress() + 10;
		for (int i = 0; i < count; i++) {
			this.registrations.register(new RegisterAccount("crowd-" + i, "crowd" + i + "@example.org", "password-1"));
		}
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(count);
		var outcomes = new ArrayList<Future<Object>>();
		for (int i = 0; i < count; i++) {
			var name = "crowd-" + i;
			outcomes.add(pool.submit((Callable<Object>) () -> {
				start.await();
				try {
					return this.sessions.login(name, "password-1", "10.1.0.10");
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		start.countDown();
		var results = new ArrayList<Object>();
		for (var outcome : outcomes) {
			results.add(outcome.get(120, TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(results).allMatch(SignedIn.class::isInstance);
	}

	@Test
	void changingAPasswordNeedsTheCurrentOneAndEndsTheOtherSessionsOnly() {
		this.registrations.register(new RegisterAccount("changer", "changer@example.org", "password-1"));
		var mine = this.sessions.login("changer", "password-1").token();
		var other = this.sessions.login("changer", "password-1").token();
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.changePassword(mine, "wrong-pass", "new-password-7", "10.1.1.1"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.sessions.changePassword(mine, "password-1", "password", "10.1.1.1"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("newPassword"));
		var changed = this.sessions.changePassword(mine, "password-1", "new-password-7", "10.1.1.1");
		assertThat(changed.sessionsEnded()).isOne();
		assertThat(this.sessions.authenticate(mine).username()).isEqualTo("changer");
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(() -> this.sessions.authenticate(other));
		assertThatExceptionOfType(InvalidCredentials.class)
			.isThrownBy(() -> this.sessions.login("changer", "password-1", "10.1.1.2"));
		assertThat(this.sessions.login("changer", "new-password-7", "10.1.1.2").username()).isEqualTo("changer");
	}

	@Test
	void onlyAnAdminResetsAPasswordAndItEndsEverySessionOfTheAccount() {
		this.registrations.register(new RegisterAccount("resetme", "resetme@example.org", "password-1"));
		var user = this.sessions.login("resetme", "password-1").token();
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.sessions.resetPassword(user, "resetme", "brand-new-pass-2"));
		var admin = this.sessions.login("admin", EngineTest.ADMIN_PASSWORD).token();
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.sessions.resetPassword(admin, "nobody-such", "brand-new-pass-2"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> this.sessions.resetPassword(admin, "resetme", "resetme"));
		var reset = this.sessions.resetPassword(admin, "resetme", "brand-new-pass-2");
		assertThat(reset.sessionsEnded()).isOne();
		assertThatExceptionOfType(Unauthenticated.class).isThrownBy(() -> this.sessions.authenticate(user));
		assertThat(this.sessions.login("resetme", "brand-new-pass-2").username()).isEqualTo("resetme");
		assertThat(this.sessions.authenticate(admin).isAdmin()).isTrue();
	}
}
