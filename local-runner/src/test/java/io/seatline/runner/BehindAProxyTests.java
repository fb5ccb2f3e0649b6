package io.seatline.runner;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner behind a TLS proxy ({@code server.forward-headers-strategy=native}): the proxy's
 * {@code X-Forwarded-Proto: https} makes the session cookie {@code Secure}. Without the setting (every other test
 * class) the same header is ignored, so a client cannot pose as its own proxy.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class BehindAProxyTests extends RunnerTestSupport {

	@Test
	void theSessionCookieIsSecureWhenTheProxySaysTheRequestCameOverHttps() {
		var api = api();
		var username = Api.uniqueName("proxied");
		api.newUser(username);
		var body = Map.of("username", username, "password", "password-1");

		var overHttps = api.call("login", body, "Seatline-Session", "cookie", "X-Forwarded-Proto", "https",
				"X-Forwarded-For", "203.0.113.7");
		assertThat(overHttps.status()).isEqualTo(200);
		assertThat(overHttps.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Strict");
		assertThat(overHttps.header("Cache-Control")).isEqualTo("no-store");

		var overHttp = api.call("login", body, "Seatline-Session", "cookie", "X-Forwarded-Proto", "http");
		assertThat(overHttp.header("Set-Cookie")).doesNotContain("Secure");
	}
}
