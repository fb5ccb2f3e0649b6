package io.seatline.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How the runner creates the {@code admin} account on a new database (issue 10): a generated password is written to
 * a file only its owner may read, never to the console or the logs; a common {@code ADMIN_PASSWORD} stops the start
 * with a clear message.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordStartTests {

	private static final Path FOLDER = Path.of("target", "admin-start").toAbsolutePath();

	@Test
	void aGeneratedAdminPasswordGoesToAFileOnlyItsOwnerCanReadAndNeverToTheOutput(CapturedOutput output)
			throws Exception {
		var run = UUID.randomUUID().toString();
		var file = FOLDER.resolve(run).resolve("admin-password.txt");
		try (var runner = new SpringApplicationBuilder(SeatlineRunner.class)
			.properties("server.port=0", "DATABASE_URL=jdbc:sqlite:" + FOLDER.resolve(run).resolve("booking.db"),
					"ADMIN_PASSWORD_FILE=" + file, "seatline.jobs.outbox-dir=target/outbox")
			.run()) {
			assertThat(file).exists();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			var password = Files.readString(file).strip();
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			assertThat(output.getAll()).contains(file.toString()).doesNotContain(password);

			var port = runner.getEnvironment().getProperty("local.server.port", Integer.class);
			var login = new Api(port).call("login", Map.of("username", "admin", "password", password));
			assertThat(login.status()).isEqualTo(200);
			assertThat(login.json().get("role").asString()).isEqualTo("ADMIN");
		}
	}

	@Test
	void aCommonAdminPasswordStopsTheStartSayingWhy() {
		var run = UUID.randomUUID().toString();
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(SeatlineRunner.class)
			.properties("server.port=0", "DATABASE_URL=jdbc:sqlite:" + FOLDER.resolve(run).resolve("booking.db"),
					"ADMIN_PASSWORD=password123", "seatline.jobs.outbox-dir=target/outbox")
			.run()
			.close())
			.satisfies((ex) -> assertThat(messages(ex)).contains("ADMIN_PASSWORD is not usable")
				.contains("most commonly used"));
	}

	private static String messages(Throwable ex) {
		var all = new StringBuilder();
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}
}
