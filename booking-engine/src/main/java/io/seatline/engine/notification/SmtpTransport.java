package io.seatline.engine.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the SMTP server of {@code MAIL_SERVER}. */
class SmtpTransport implements MailTransport {

	private final JavaMailSender sender;

	private final String server;

	SmtpTransport(JavaMailSender sender, String server) {
		this.sender = sender;
		this.server = server;
	}

	@Override
	public void send(MimeMessage message) {
		this.sender.send(message);
	}

	@Override
	public String describe() {
		return "SMTP server " + this.server;
	}
}
