package io.seatline.engine.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose Message-ID is derived from its job and survives sending (JavaMail would otherwise make up a new
 * one), so a duplicate delivery after a crash can be recognised by the recipient's mail system.
 */
class StableIdMessage extends MimeMessage {

	private final String messageId;

	StableIdMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws jakarta.mail.MessagingException {
		setHeader("Message-ID", this.messageId);
	}
}
