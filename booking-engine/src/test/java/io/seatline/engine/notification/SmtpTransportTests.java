package io.seatline.engine.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.catalog.EventDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP transport against a real server (GreenMail) that is stopped and started again between emails. */
class SmtpTransportTests {

	private static final Instant STARTS = Instant.parse("2026-12-24T18:30:00Z");

	private final int port = freePort();

	private GreenMail server = start();

	private final SmtpTransport transport = new SmtpTransport(sender(), "127.0.0.1:" + this.port);

	@AfterEach
	void stop() {
		this.transport.destroy();
		this.server.stop();
	}

	@Test
	void emailsOfOneThreadShareAConnectionAndAllArrive() throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.transport.send(message("bk" + i));
		}

		assertThat(this.server.waitForIncomingEmail(5_000, 5)).isTrue();
		assertThat(this.server.getReceivedMessages()).extracting(MimeMessage::getMessageID)
			.containsExactly("<booking-confirmed.bk1@tickets.example.org>", "<booking-confirmed.bk2@tickets.example.org>",
					"<booking-confirmed.bk3@tickets.example.org>", "<booking-confirmed.bk4@tickets.example.org>",
					"<booking-confirmed.bk5@tickets.example.org>");
	}

	@Test
	void aConnectionTheServerDroppedIsReplacedAndTheEmailStillGoesOnce() throws Exception {
		this.transport.send(message("bk1"));
		assertThat(this.server.waitForIncomingEmail(5_000, 1)).isTrue();

		// the server restarts: the kept connection is dead, which the transport learns only by using it
		this.server.stop();
		this.server = start();
		this.transport.send(message("bk2"));

		assertThat(this.server.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(this.server.getReceivedMessages()).extracting(MimeMessage::getMessageID)
			.containsExactly("<booking-confirmed.bk2@tickets.example.org>");
	}

	@Test
	void aServerThatIsGoneFailsTheSendSoTheJobRetries() throws Exception {
		this.transport.send(message("bk1"));
		this.server.stop();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.transport.send(message("bk2")))
			.isInstanceOf(jakarta.mail.MessagingException.class);
		this.server = start();
		this.transport.send(message("bk3"));
		assertThat(this.server.waitForIncomingEmail(5_000, 1)).isTrue();
	}

	private GreenMail start() {
		var greenMail = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

	private JavaMailSenderImpl sender() {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(this.port);
		var properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static MimeMessage message(String bookingId) throws Exception {
		var composer = new EmailComposer("Seatline <no-reply@localhost>", "https://tickets.example.org/",
				Clock.fixed(STARTS, ZoneOffset.UTC));
		var booking = new BookingDetails(bookingId, "K7M2QX9P",
				new EventDetails("e1", "Gala", null, "v1", "Hall", STARTS, 10), "a1", "ann", List.of("A1"),
				BookingStatus.CONFIRMED, STARTS, null, null);
		return composer.compose("booking-confirmed." + bookingId, EmailKind.BOOKING_CONFIRMED, "ann@example.org",
				booking);
	}

	private static int freePort() {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
