package io.seatline.runner;

import java.net.HttpCookie;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages' cookie session over real HTTP: issued by {@code login}, accepted by every function, ended by
 * {@code logout}.
 */
class SessionCookieEndpointTests extends RunnerTestSupport {

	@Test
	void loginAskedForACookieSetsAnHttpOnlyStrictCookieAndLeavesTheTokenOutOfTheBody() {
		var api = api();
		var username = Api.uniqueName("cookie");
		api.newUser(username);

		var reply = api.call("login", Map.of("username", username, "password", "password-1"), "Seatline-Session",
				"cookie");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().has("token")).isFalse();
		assertThat(reply.json().get("username").asString()).isEqualTo(username);
		assertThat(reply.json().get("role").asString()).isEqualTo("USER");
		assertThat(reply.json().get("expiresAt").asString()).endsWith("Z");
		var setCookie = reply.header("Set-Cookie");
		assertThat(setCookie).startsWith(SessionCookies.NAME + "=")
			.contains("Path=/", "HttpOnly", "SameSite=Strict", "Max-Age=")
			.doesNotContain("Secure");
		var maxAge = HttpCookie.parse(setCookie).get(0).getMaxAge();
		assertThat(maxAge).isBetween(12 * 3600L - 60, 12 * 3600L);
	}

	@Test
	void aPlainLoginStillAnswersWithTheToken() {
		var api = api();
		var username = Api.uniqueName("bearer");
		api.newUser(username);

		var reply = api.call("login", Map.of("username", username, "password", "password-1"));

		assertThat(reply.json().get("token").asString()).isNotBlank();
		assertThat(reply.header("Set-Cookie")).isNull();
	}

	@Test
	void theCookieSignsInEveryFunctionAndTheCsvExport() {
		var api = api();
		var cookie = cookieOf(api, "admin", ADMIN_PASSWORD);

		var me = api.call("currentUser", "{}", "Cookie", cookie);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("admin");
		assertThat(api.call("dashboard", "{}", "Cookie", cookie).status()).isEqualTo(200);
		var csv = api.get("/admin/export.csv", "Cookie", cookie);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.response().body()).contains("booking_id,username,event,event_date,seats,booked_at,status");
	}

	@Test
	void anAuthorizationHeaderWinsOverTheCookie() {
		var api = api();
		var username = Api.uniqueName("header");
		var token = api.newUser(username);
		var adminCookie = cookieOf(api, "admin", ADMIN_PASSWORD);

		var me = api.call("currentUser", "{}", "Cookie", adminCookie, "Authorization", "Bearer " + token);

		assertThat(me.json().get("username").asString()).isEqualTo(username);
	}

	@Test
	void aCookieSignedCallThatIsNotJsonIsRefusedAgainstCrossSiteForms() {
		var api = api();
		var cookie = cookieOf(api, "admin", ADMIN_PASSWORD);

		// what an HTML form of another site could post without a CORS preflight
		var reply = api.call("createVenue", "{\"name\":\"Forged\",\"capacity\":10}", "Cookie", cookie, "Content-Type",
				"text/plain");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(reply.json().get("message").asString()).contains("application/json");
		assertThat(api.ok("listVenues", Map.of(), null).toString()).doesNotContain("Forged");
	}

	@Test
	void logoutEndsTheSessionOnTheServerAndClearsTheCookie() {
		var api = api();
		var username = Api.uniqueName("logout");
		api.newUser(username);
		var cookie = cookieOf(api, username, "password-1");

		var reply = api.call("logout", "{}", "Cookie", cookie);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Set-Cookie")).startsWith(SessionCookies.NAME + "=;").contains("Max-Age=0");
		var after = api.call("currentUser", "{}", "Cookie", cookie);
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.json().get("error").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void logoutWithASessionTheServerNoLongerKnowsStillClearsTheCookie() {
		var reply = api().call("logout", "{}", "Cookie", SessionCookies.NAME + "=expired-or-made-up");

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("Set-Cookie")).startsWith(SessionCookies.NAME + "=;").contains("Max-Age=0");
	}

	@Test
	void signingInAgainEndsTheSessionTheBrowserHeldBefore() {
		var api = api();
		var username = Api.uniqueName("again");
		api.newUser(username);
		var first = cookieOf(api, username, "password-1");

		var second = api.call("login", Map.of("username", username, "password", "password-1"), "Seatline-Session",
				"cookie", "Cookie", first);

		assertThat(second.status()).isEqualTo(200);
		assertThat(api.call("currentUser", "{}", "Cookie", first).status()).isEqualTo(401);
		var fresh = HttpCookie.parse(second.header("Set-Cookie")).get(0);
		var me = api.call("currentUser", "{}", "Cookie", fresh.getName() + "=" + fresh.getValue());
		assertThat(me.status()).isEqualTo(200);
	}

	@Test
	void pagesComeWithAContentSecurityPolicyThatForbidsInlineScripts() {
		var page = api().get("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.response().body()).contains("<title>Events");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	static String cookieOf(Api api, String username, String password) {
		var reply = api.call("login", Map.of("username", username, "password", password), "Seatline-Session",
				"cookie");
		assertThat(reply.status()).isEqualTo(200);
		var cookie = HttpCookie.parse(reply.header("Set-Cookie")).get(0);
		return cookie.getName() + "=" + cookie.getValue();
	}
}
