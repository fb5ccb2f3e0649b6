package io.seatline.engine.notification;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server of {@code MAIL_SERVER}, each worker thread over a connection of its own that it keeps
 * between emails: opening one (TCP, greeting, {@code EHLO}, TLS, login) cost more than the email it carried. A
 * connection unused for {@value #IDLE_LIMIT_MILLIS} ms is closed before the next email rather than trusted, as servers
 * drop idle clients; one that fails on a kept connection is sent once more on a new one (a server that dropped the
 * connection meanwhile). A message the server took and whose reply was lost may so arrive twice, with the same
 * {@code Message-ID}, as after a crash.
 */
class SmtpTransport implements MailTransport, DisposableBean {

	private static final long IDLE_LIMIT_MILLIS = 20_000;

	private final JavaMailSenderImpl settings;

	private final String server;

	private final ThreadLocal<Kept> kept = new ThreadLocal<>();

	private final Set<Kept> open = ConcurrentHashMap.newKeySet();

	SmtpTransport(JavaMailSenderImpl settings, String server) {
		this.settings = settings;
		this.server = server;
	}

	@Override
	public void send(MimeMessage message) throws MessagingException {
		message.saveChanges();
		var connection = this.kept.get();
		if (connection != null && connection.idleFor() > IDLE_LIMIT_MILLIS) {
			forget(connection);
			connection = null;
		}
		if (connection != null) {
			try {
				connection.send(message);
				return;
			}
			catch (MessagingException ex) {
				// the server may have dropped a kept connection: one more try on a new one
				forget(connection);
			}
		}
		connection = connect();
		try {
			connection.send(message);
		}
		catch (MessagingException | RuntimeException ex) {
			forget(connection);
			throw ex;
		}
	}

	private Kept connect() throws MessagingException {
		var protocol = this.settings.getProtocol();
		var transport = this.settings.getSession().getTransport((protocol != null) ? protocol : "smtp");
		transport.connect(this.settings.getHost(), this.settings.getPort(), this.settings.getUsername(),
				this.settings.getPassword());
		var connection = new Kept(transport);
		this.kept.set(connection);
		this.open.add(connection);
		return connection;
	}

	private void forget(Kept connection) {
		if (this.kept.get() == connection) {
			this.kept.remove();
		}
		this.open.remove(connection);
		connection.close();
	}

	@Override
	public String describe() {
		return "SMTP server " + this.server;
	}

	/** Says goodbye to the server on every connection still open, when the engine stops. */
	@Override
	public void destroy() {
		this.open.forEach(Kept::close);
		this.open.clear();
	}

	/** One thread's connection and when it last carried an email. */
	private static final class Kept {

		private final Transport transport;

		private volatile long lastUsed = System.currentTimeMillis();

		Kept(Transport transport) {
			this.transport = transport;
		}

		void send(MimeMessage message) throws MessagingException {
			this.transport.sendMessage(message, message.getAllRecipients());
			this.lastUsed = System.currentTimeMillis();
		}

		long idleFor() {
			return System.currentTimeMillis() - this.lastUsed;
		}

		void close() {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				// the server is gone already: nothing to say goodbye to
			}
		}
	}
}
