package io.seatline.engine.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes each email as an RFC 822 {@code .eml} file named after its Message-ID. The file is written under a
 * temporary name and renamed, so a reader never sees half a message; a resent email replaces its own file.
 */
class OutboxTransport implements MailTransport {

	private final Path folder;

	OutboxTransport(Path folder) {
		this.folder = folder;
	}

	@Override
	public void send(MimeMessage message) throws IOException, MessagingException {
		// a folder that exists is the common case: asking is one call, creating it an exception thrown and caught
		if (!Files.isDirectory(this.folder)) {
			Files.createDirectories(this.folder);
		}
		var name = fileName(message.getMessageID());
		var temporary = Files.createTempFile(this.folder, ".sending-", ".tmp");
		var moved = false;
		try {
			// the message is written in many small pieces: gathered first, it is one write of the file
			var bytes = new ByteArrayOutputStream(4096);
			message.writeTo(bytes);
			try (OutputStream out = Files.newOutputStream(temporary)) {
				bytes.writeTo(out);
			}
			Files.move(temporary, this.folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			moved = true;
		}
		finally {
			if (!moved) {
				Files.deleteIfExists(temporary);
			}
		}
	}

	@Override
	public String describe() {
		return "the outbox folder " + this.folder.toAbsolutePath().normalize() + " (set MAIL_SERVER to send)";
	}

	static String fileName(String messageId) {
		var id = (messageId != null) ? messageId.replaceAll("[<>]", "") : "message";
		return id.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
	}
}
