package io.seatline.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's findings on signing in, over real HTTP against the runner: login throttling per username and per client
 * address (each test is a client at loopback addresses of its own, 127.0.0.x, so that it shares no address with the
 * other tests), the password policy, changing and resetting passwords, and logout by cookie.
 */
class SignInSecurityTests extends RunnerTestSupport {

	private static final int MAX_PER_USERNAME = 5;

	private static final int MAX_PER_ADDRESS = 20;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	// --- finding 2: what a failed login stores

	@Test
	void aUsernameNoAccountCanHaveIsRefusedAsInvalidAndStoresNothing() {
		var from = from("127.0.2.1");
		for (int i = 0; i < 10; i++) {
			var reply = from.login("x".repeat(512 * 1024) + i, "wrong-pass");
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.error()).isEqualTo("INVALID_REQUEST");
			assertThat(reply.json().get("field").asString()).isEqualTo("username");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from login_attempts where length(subject) > 80",
				Integer.class)).isZero();
	}

	@Test
	void failedLoginsAreForgottenOnceTheirWindowAndLockHavePassed() {
		var from = from("127.0.2.2");
		assertThat(from.login("forgotten-1", "wrong-pass").status()).isEqualTo(401);
		assertThat(subjects("user:forgotten-1", "address:127.0.2.2")).isEqualTo(2);
		this.clock.travel(Duration.ofMinutes(32));
		assertThat(from("127.0.2.3").login("forgotten-2", "wrong-pass").status()).isEqualTo(401);
		assertThat(subjects("user:forgotten-1", "address:127.0.2.2")).isZero();
	}

	// --- finding 3: per username and per address, counted before the check

	@Test
	void sixtyParallelGuessesGetNoMoreThanTheLimitChecked() throws Exception {
		var name = Api.uniqueName("parallel");
		api().newUser(name);
		var from = from("127.0.3.1");
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(30);
		var statuses = new ArrayList<Future<Integer>>();
		for (int i = 0; i < 60; i++) {
			statuses.add(pool.submit((Callable<Integer>) () -> {
				start.await();
				return from.login(name, "wrong-pass").status();
			}));
		}
		start.countDown();
		var checked = 0;
		var refused = 0;
		for (var status : statuses) {
			switch (status.get(120, TimeUnit.SECONDS)) {
				case 401 -> checked++;
				case 429 -> refused++;
				default -> throw new AssertionError("unexpected status " + status.get());
			}
		}
		pool.shutdown();
		assertThat(checked).isEqualTo(MAX_PER_USERNAME);
		assertThat(refused).isEqualTo(60 - MAX_PER_USERNAME);
	}

	@Test
	void guessesFromElsewhereDoNotLockTheAdminOut() {
		var guesser = from("127.0.3.2");
		for (int i = 0; i < MAX_PER_USERNAME; i++) {
			assertThat(guesser.login("admin", "wrong-pass-" + i).status()).isEqualTo(401);
		}
		var refused = guesser.login("admin", ADMIN_PASSWORD);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.error()).isEqualTo("TOO_MANY_ATTEMPTS");
		var owner = from("127.0.3.3").login("admin", ADMIN_PASSWORD);
		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.json().get("role").asString()).isEqualTo("ADMIN");
	}

	@Test
	void oneAddressIsLimitedAcrossUsernames() {
		var name = Api.uniqueName("sprayed");
		api().newUser(name);
		var sprayer = from("127.0.3.4");
		for (int i = 0; i < MAX_PER_ADDRESS; i++) {
			assertThat(sprayer.login(Api.uniqueName("spray"), "wrong-pass").status()).isEqualTo(401);
		}
		var refused = sprayer.login(name, "password-1");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.error()).isEqualTo("TOO_MANY_ATTEMPTS");
		assertThat(from("127.0.3.5").login(name, "password-1").status()).isEqualTo(200);
	}

	// --- finding 7: the password policy

	@Test
	void commonPasswordsTheUsernameAndBlankPasswordsAreRefused() {
		var api = api();
		var name = Api.uniqueName("weak");
		for (var password : new String[] { "password", "12345678", "iloveyou", "Password1", name, " ".repeat(8) }) {
			var reply = api.call("register",
					Map.of("username", name, "email", name + "@example.org", "password", password));
			assertThat(reply.status()).as(password).isEqualTo(400);
			assertThat(reply.error()).isEqualTo("INVALID_REQUEST");
			assertThat(reply.json().get("field").asString()).isEqualTo("password");
		}
		assertThat(api.call("login", Map.of("username", name, "password", "12345678")).status()).isEqualTo(401);
	}

	// --- finding 13: logout by cookie

	@Test
	void aCookieLogoutOfAnyContentTypeEndsTheSession() {
		var api = api();
		var name = Api.uniqueName("plain");
		api.newUser(name);
		var cookie = SessionCookieEndpointTests.cookieOf(api, name, "password-1");

		var reply = api.call("logout", "anything", "Cookie", cookie, "Content-Type", "text/plain");

		assertThat(reply.header("Set-Cookie")).startsWith(SessionCookies.NAME + "=;").contains("Max-Age=0");
		assertThat(api.call("currentUser", "{}", "Cookie", cookie).status()).isEqualTo(401);
	}

	// --- finding 14: changing and resetting passwords

	@Test
	void aUserChangesTheirPasswordKeepingThisSessionAndEndingTheOthers() {
		var api = api();
		var name = Api.uniqueName("changer");
		var mine = api.newUser(name);
		var other = api.login(name, "password-1");

		var wrong = api.post("changePassword", "{\"oldPassword\":\"not-it-1\",\"newPassword\":\"fresh-pass-93\"}", mine);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.error()).isEqualTo("INVALID_CREDENTIALS");
		var weak = api.post("changePassword", "{\"oldPassword\":\"password-1\",\"newPassword\":\"password\"}", mine);
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("field").asString()).isEqualTo("newPassword");
		assertThat(api.post("changePassword", "{\"oldPassword\":\"password-1\",\"newPassword\":\"x\"}", null).status())
			.isEqualTo(401);

		var changed = api.ok("changePassword", "{\"oldPassword\":\"password-1\",\"newPassword\":\"fresh-pass-93\"}",
				mine);

		assertThat(changed.get("username").asString()).isEqualTo(name);
		assertThat(changed.get("sessionsEnded").asInt()).isOne();
		assertThat(api.post("currentUser", "{}", mine).status()).isEqualTo(200);
		assertThat(api.post("currentUser", "{}", other).status()).isEqualTo(401);
		assertThat(api.post("login", Api.toJson(Map.of("username", name, "password", "password-1")), null).status())
			.isEqualTo(401);
		assertThat(api.login(name, "fresh-pass-93")).isNotBlank();
	}

	@Test
	void onlyAnAdminResetsAPasswordAndEverySessionOfThatAccountEnds() {
		var api = api();
		var name = Api.uniqueName("forgetful");
		var session = api.newUser(name);
		var body = "{\"username\":\"" + name + "\",\"newPassword\":\"reset-pass-47\"}";

		var forbidden = api.post("resetPassword", body, session);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.error()).isEqualTo("FORBIDDEN");
		assertThat(api.post("resetPassword", body, null).status()).isEqualTo(401);
		var admin = api.adminToken();
		assertThat(api.post("resetPassword", "{\"username\":\"no-such-user\",\"newPassword\":\"reset-pass-47\"}", admin)
			.status()).isEqualTo(404);

		var reset = api.ok("resetPassword", body, admin);

		assertThat(reset.get("sessionsEnded").asInt()).isOne();
		assertThat(api.post("currentUser", "{}", session).status()).isEqualTo(401);
		assertThat(api.login(name, "reset-pass-47")).isNotBlank();
		assertThat(api.post("currentUser", "{}", admin).status()).isEqualTo(200);
	}

	private FromAddress from(String address) {
		return new FromAddress(address, this.port);
	}

	private int subjects(String... subjects) {
		return this.jdbc.queryForObject("select count(*) from login_attempts where subject in ("
				+ String.join(",", java.util.Collections.nCopies(subjects.length, "?")) + ")", Integer.class,
				(Object[]) subjects);
	}
}
