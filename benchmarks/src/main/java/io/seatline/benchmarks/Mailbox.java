package io.seatline.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server in this process (GreenMail on a free local port) for runners to send their email to, and the booking
 * confirmations it received. The engine gives each confirmation a Message-ID made from its booking's id
 * ({@code <booking-confirmed.BOOKINGID@host>}) that stays the same when the email is sent again, so a second copy is
 * seen as one.
 */
final class Mailbox implements AutoCloseable {

	private static final String CONFIRMATION = "<booking-confirmed.";

	private final GreenMail smtp;

	private final int port;

	private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();

	private final AtomicInteger cutSessions = new AtomicInteger();

	private Mailbox(GreenMail smtp, int port) {
		this.smtp = smtp;
		this.port = port;
		// GreenMail ends a session that the client cut (a runner killed while sending) with an exception on the
		// session's thread: counted here, rather than printed as a stack trace
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> {
			var where = ex.getStackTrace();
			if (where.length > 0 && where[0].getClassName().startsWith("com.icegreen.greenmail.")) {
				this.cutSessions.incrementAndGet();
			}
			else if (this.previous != null) {
				this.previous.uncaughtException(thread, ex);
			}
			else {
				ex.printStackTrace();
			}
		});
	}

	static Mailbox start() throws IOException {
		int port = RunnerProcess.freePort();
		var smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return new Mailbox(smtp, port);
	}

	/** SMTP sessions that ended without their client saying goodbye: a runner killed while it sent. */
	int cutSessions() {
		return this.cutSessions.get();
	}

	int port() {
		return this.port;
	}

	/** The runner's settings that send its email here. */
	Map<String, String> environment() {
		return Map.of("MAIL_SERVER", "127.0.0.1", "MAIL_PORT", Integer.toString(this.port));
	}

	/** How many messages arrived, of any kind. */
	int received() {
		return this.smtp.getReceivedMessages().length;
	}

	/** The booking confirmations received so far: each booking's id, with the recipients of each copy. */
	Map<String, List<String>> confirmations() {
		var confirmations = new HashMap<String, List<String>>();
		for (var message : this.smtp.getReceivedMessages()) {
			var booking = confirmedBooking(message);
			if (booking != null) {
				confirmations.computeIfAbsent(booking, (id) -> new ArrayList<>()).add(recipients(message));
			}
		}
		return confirmations;
	}

	/** What arrived so far. */
	Delivered delivered() {
		return new Delivered(confirmations(), received(), cutSessions());
	}

	@Override
	public void close() {
		this.smtp.stop();
		Thread.setDefaultUncaughtExceptionHandler(this.previous);
	}

	/** The id of the booking that a message confirms, or {@code null} for any other message. */
	static String confirmedBooking(MimeMessage message) {
		try {
			var id = message.getMessageID();
			return (id != null && id.startsWith(CONFIRMATION) && id.indexOf('@') > CONFIRMATION.length())
					? id.substring(CONFIRMATION.length(), id.indexOf('@')) : null;
		}
		catch (MessagingException noHeadersYet) {
			return null;
		}
	}

	/**
	 * What the SMTP server received.
	 *
	 * @param confirmations each confirmed booking's id, with the recipients of each copy of its confirmation
	 * @param messages how many messages arrived, of any kind
	 * @param cutSessions SMTP sessions cut by their client
	 */
	record Delivered(Map<String, List<String>> confirmations, int messages, int cutSessions) {
	}

	private static String recipients(MimeMessage message) {
		try {
			var to = message.getRecipients(Message.RecipientType.TO);
			var addresses = new ArrayList<String>();
			for (Address address : (to != null) ? to : new Address[0]) {
				addresses.add(address.toString());
			}
			return String.join(", ", addresses);
		}
		catch (MessagingException ex) {
			return "?";
		}
	}
}
