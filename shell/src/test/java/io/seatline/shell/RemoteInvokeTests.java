package io.seatline.shell;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an answer of the runner becomes {@code invoke}'s stderr and exit status, and when the one-shot path applies. */
class RemoteInvokeTests {

	@Test
	void theRunnersErrorCodePicksTheExitStatusOfALocalCall() {
		var busy = RemoteInvoke.refusalOf(503, "{\"message\":\"The database stayed busy\",\"error\":\"BUSY\"}");
		assertThat(busy.exitCode()).isEqualTo(8);
		assertThat(busy.json()).isEqualTo("{\"message\":\"The database stayed busy\",\"error\":\"BUSY\"}");
		assertThat(RemoteInvoke.refusalOf(409, "{\"error\":\"SEATS_UNAVAILABLE\",\"message\":\"m\",\"seats\":[\"A1\"]}")
			.exitCode()).isEqualTo(6);
	}

	@Test
	void anAnswerThatIsNoErrorJsonGoesByItsStatus() {
		assertThat(RemoteInvoke.refusalOf(503, "<html>Service Unavailable</html>").exitCode()).isEqualTo(8);
		var proxy = RemoteInvoke.refusalOf(502, "<html>Bad Gateway</html>");
		assertThat(proxy.exitCode()).isEqualTo(1);
		assertThat(proxy.json()).isEqualTo("{\"error\":\"INTERNAL\",\"message\":\"The runner answered HTTP 502\"}");
	}

	@Test
	void onlyInvokeWithAUrlSkipsSpring() {
		assertThat(RemoteInvoke.runArguments(new String[] { "invoke", "browseEvents", "--body", "{}" }, Map.of()))
			.isNull();
		assertThat(RemoteInvoke.runArguments(new String[] { "events", "--url", "http://localhost:1" }, Map.of()))
			.isNull();
		assertThat(RemoteInvoke.runArguments(new String[] { "invoke", "browseEvents", "--help" },
				Map.of("SEATLINE_URL", "http://localhost:1")))
			.isNull();
		assertThat(RemoteInvoke.runArguments(new String[] { "invoke", "--body", "{}" },
				Map.of("SEATLINE_URL", "http://localhost:1")))
			.isEqualTo(2);
		assertThat(RemoteInvoke.runArguments(new String[] { "invoke", "browseEvents", "--body={}", "--url=ftp://x" },
				Map.of()))
			.isEqualTo(2);
	}
}
