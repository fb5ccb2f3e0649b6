package io.seatline.shell;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	@Test
	void withoutATokenTheLoginKeptForTheDatabaseIsSent(@TempDir Path config) {
		var environment = new HashMap<>(Map.of("SEATLINE_CONFIG_DIR", config.toString(), "DATABASE_URL",
				"jdbc:sqlite:" + config.resolve("booking.db")));
		assertThat(RemoteInvoke.tokenOf(null, environment)).isNull();
		LoginStore.of(environment).save("ann", "kept-token");
		assertThat(RemoteInvoke.tokenOf(null, environment)).isEqualTo("kept-token");
		assertThat(RemoteInvoke.tokenOf("given-token", environment)).isEqualTo("given-token");
		environment.put("SEATLINE_TOKEN", "variable-token");
		assertThat(RemoteInvoke.tokenOf(null, environment)).isEqualTo("variable-token");
		environment.remove("SEATLINE_TOKEN");
		environment.put("DATABASE_URL", "jdbc:sqlite:" + config.resolve("other.db"));
		assertThat(RemoteInvoke.tokenOf(null, environment)).isNull();
		environment.put("DATABASE_URL", "jdbc:nosuchdatabase:x");
		assertThat(RemoteInvoke.tokenOf(null, environment)).isNull();
	}
}
