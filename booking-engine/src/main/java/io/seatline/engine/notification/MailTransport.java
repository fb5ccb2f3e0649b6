package io.seatline.engine.notification;

import jakarta.mail.internet.MimeMessage;

/** Where a composed email goes: an SMTP server, or the outbox folder. */
interface MailTransport {

	/** Sends the message, or throws; a throw makes the job retry later. */
	void send(MimeMessage message) throws Exception;

	/** Says where mail goes, for the startup log. */
	String describe();
}
