package io.seatline.engine.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.catalog.EventDetails;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTransportTests {

	private static final Instant STARTS = Instant.parse("2026-12-24T18:30:00Z");

	@TempDir
	Path folder;

	@Test
	void anEmailBecomesOneCompleteEmlFileNamedAfterItsMessageId() throws Exception {
		var composer = new EmailComposer("Seatline <no-reply@localhost>", "https://tickets.example.org/",
				Clock.fixed(STARTS, ZoneOffset.UTC));
		var booking = new BookingDetails("bk1", "K7M2QX9P", new EventDetails("e1", "Gala", null, "v1", "Hall", STARTS, 10,
				null, null, java.time.ZoneId.of("Europe/Berlin")),
				"a1", "ann", List.of("A1", "A2"), BookingStatus.CONFIRMED, STARTS, null, null);
		var message = composer.compose("booking-confirmed.bk1", EmailKind.BOOKING_CONFIRMED, "ann@example.org",
				booking);

		var outbox = new OutboxTransport(this.folder.resolve("outbox"));
		outbox.send(message);
		outbox.send(message);

		try (var files = Files.list(this.folder.resolve("outbox"))) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactly("booking-confirmed.bk1_tickets.example.org.eml");
		}
		try (var in = Files.newInputStream(this.folder.resolve("outbox/booking-confirmed.bk1_tickets.example.org.eml"))) {
			var read = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(read.getMessageID()).isEqualTo("<booking-confirmed.bk1@tickets.example.org>");
			assertThat(read.getSubject()).contains("Gala");
			assertThat(new String(Files.readAllBytes(this.folder.resolve(
					"outbox/booking-confirmed.bk1_tickets.example.org.eml")))).contains("19:30 (Europe/Berlin)", "A1, A2", "K7M2QX9P");
		}
	}

	@Test
	void htmlEscapingCoversEverySpecialCharacter() {
		assertThat(EmailComposer.escape("<a href=\"x\">'&'</a>"))
			.isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
	}
}
