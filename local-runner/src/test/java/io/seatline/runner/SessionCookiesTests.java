package io.seatline.runner;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import io.seatline.engine.error.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionCookiesTests {

	@Test
	void theSessionCookieIsHttpOnlyStrictForTheWholeSiteAndLivesAsLongAsTheSession() {
		var cookie = SessionCookies.issue(new MockHttpServletRequest(), "token-1", Duration.ofHours(12));

		assertThat(cookie.getName()).isEqualTo("seatline_session");
		assertThat(cookie.getValue()).isEqualTo("token-1");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofHours(12));
		assertThat(cookie.isSecure()).isFalse();
	}

	@Test
	void overHttpsTheCookieIsSecure() {
		var request = new MockHttpServletRequest();
		request.setSecure(true);

		assertThat(SessionCookies.issue(request, "token-1", Duration.ofHours(1)).isSecure()).isTrue();
		assertThat(SessionCookies.clear(request).isSecure()).isTrue();
	}

	@Test
	void clearingTheCookieExpiresItAtOnce() {
		var cookie = SessionCookies.clear(new MockHttpServletRequest());

		assertThat(cookie.getValue()).isEmpty();
		assertThat(cookie.getMaxAge()).isEqualTo(Duration.ZERO);
	}

	@Test
	void aJsonPostSignsInByCookie() {
		var request = post("application/json; charset=UTF-8");

		assertThat(SessionCookies.tokenOf(request)).isEqualTo("token-1");
	}

	@Test
	void aPostThatIsNotJsonCannotSignInByCookie() {
		for (var type : new String[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
				"not a type", null }) {
			assertThatExceptionOfType(InvalidRequest.class).as(String.valueOf(type))
				.isThrownBy(() -> SessionCookies.tokenOf(post(type)));
		}
	}

	@Test
	void aGetSignsInByCookieWithoutABody() {
		var request = new MockHttpServletRequest("GET", "/admin/export.csv");
		request.setCookies(new Cookie("seatline_session", "token-1"));

		assertThat(SessionCookies.tokenOf(request)).isEqualTo("token-1");
	}

	@Test
	void withoutTheCookieThereIsNoToken() {
		var request = new MockHttpServletRequest("POST", "/myBookings");
		request.setCookies(new Cookie("other", "x"));

		assertThat(SessionCookies.tokenOf(request)).isNull();
		assertThat(SessionCookies.present(request)).isFalse();
	}

	@Test
	void onlyTheCookieHeaderValueAsksLoginForACookie() {
		var request = new MockHttpServletRequest("POST", "/login");
		assertThat(SessionCookies.requested(request)).isFalse();
		request.addHeader("Seatline-Session", "Cookie");
		assertThat(SessionCookies.requested(request)).isTrue();
	}

	private static MockHttpServletRequest post(String contentType) {
		var request = new MockHttpServletRequest("POST", "/myBookings");
		if (contentType != null) {
			request.addHeader("Content-Type", contentType);
		}
		request.setCookies(new Cookie("seatline_session", "token-1"));
		return request;
	}
}
