package io.seatline.engine.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.catalog.Money;

/**
 * Writes the emails: a plain-text and an HTML part naming the event, venue, date and time in the venue's zone
 * with that zone, the seats,
 * the booking's reference and id (and the box office's reason for a cancellation it made), under a Message-ID derived from the job ({@code <job-id@host>}).
 */
@Component
class EmailComposer {

	// the venue's wall time and its zone's id, as the pages show it
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm '('VV')'",
			Locale.ENGLISH);

	private final Session session = Session.getInstance(new Properties());

	private final String from;

	private final String publicUrl;

	private final Clock clock;

	EmailComposer(@Value("${MAIL_FROM:Seatline <no-reply@localhost>}") String from,
			@Value("${PUBLIC_URL:http://localhost:8080}") String publicUrl, Clock clock) {
		this.from = from;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.clock = clock;
	}

	/** The review page of an event, where the prompt sends people. */
	String reviewLink(String eventId) {
		return this.publicUrl + "/event.html?id=" + eventId + "#review";
	}

	/** The stable Message-ID of a job, such as {@code <booking-confirmed.k3m9x2pq7d@localhost>}. */
	String messageId(String jobId) {
		var host = URI.create(this.publicUrl).getHost();
		return "<" + jobId + "@" + ((host != null) ? host : "seatline") + ">";
	}

	MimeMessage compose(String jobId, EmailKind kind, String recipient, BookingDetails booking)
			throws MessagingException {
		return compose(jobId, kind, recipient, booking, null);
	}

	/** The email of a job; {@code previousStartsAt} is the time an {@link EmailKind#EVENT_MOVED} email moves from. */
	MimeMessage compose(String jobId, EmailKind kind, String recipient, BookingDetails booking,
			Instant previousStartsAt) throws MessagingException {
		var event = booking.event();
		var when = when(event.startsAt(), event.timeZone());
		var seats = String.join(", ", booking.seats());
		// what the booking cost when it was made (the currency is null only where its price was not read)
		var total = (booking.currency() == null) ? null
				: (booking.amount() == 0) ? "free" : Money.format(booking.amount(), booking.currency());
		var greeting = "Hello " + booking.username() + ",";
		String subject;
		String intro;
		String closing = null;
		switch (kind) {
			case BOOKING_CONFIRMED -> {
				subject = "Your seats for " + event.name() + " are booked";
				intro = "your booking is confirmed.";
			}
			case BOOKING_CANCELLED -> {
				subject = "Your booking for " + event.name() + " is cancelled";
				intro = (booking.cancelReason() == null) ? "your booking is cancelled and its seats are released."
						: "the box office has cancelled your booking and released its seats.";
				closing = (booking.cancelReason() == null) ? null : "Reason: " + booking.cancelReason();
			}
			case REVIEW_PROMPT -> {
				subject = "How was " + event.name() + "?";
				intro = "we hope you enjoyed the event. Tell others how it was:";
				closing = reviewLink(event.eventId());
			}
			case EVENT_MOVED -> {
				subject = event.name() + " has moved to " + when;
				intro = "the event you booked has moved from " + ((previousStartsAt != null) ? when(previousStartsAt, event.timeZone())
						: "its former time") + " to " + when + ". Your booking and seats stay as they are.";
			}
			case EVENT_CANCELLED -> {
				subject = event.name() + " is cancelled";
				intro = "we are sorry: the event you booked is cancelled, and so is your booking."
						+ ((event.cancelReason() != null) ? " Reason: " + event.cancelReason() : "");
			}
			default -> throw new IllegalArgumentException(kind.name());
		}
		var text = new StringBuilder().append(greeting).append("\n\n").append(intro).append('\n');
		if (closing != null) {
			text.append(closing).append('\n');
		}
		text.append("\nEvent:      ").append(event.name())
			.append("\nVenue:      ").append(event.venueName())
			.append("\nWhen:       ").append(when)
			.append("\nSeats:      ").append(seats);
		if (total != null) {
			text.append("\nTotal:      ").append(total);
		}
		text.append("\nReference:  ").append(booking.reference())
			.append("\nBooking id: ").append(booking.bookingId())
			.append("\n\nSeatline\n");

		var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
			.append("<p>").append(escape(greeting)).append("</p><p>").append(escape(intro));
		if (kind == EmailKind.REVIEW_PROMPT) {
			html.append(" <a href=\"").append(escape(closing)).append("\">Write a review</a>");
		}
		else if (closing != null) {
			html.append("</p><p>").append(escape(closing));
		}
		html.append("</p><table>")
			.append(row("Event", event.name()))
			.append(row("Venue", event.venueName()))
			.append(row("When", when))
			.append(row("Seats", seats))
			.append((total != null) ? row("Total", total) : "")
			.append(row("Reference", booking.reference()))
			.append(row("Booking id", booking.bookingId()))
			.append("</table><p>Seatline</p></body></html>");

		var message = new StableIdMessage(this.session, messageId(jobId));
		message.setFrom(new InternetAddress(this.from));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
		message.setSubject(subject, StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(this.clock.instant()));
		var plain = new MimeBodyPart();
		plain.setText(text.toString(), StandardCharsets.UTF_8.name(), "plain");
		var rich = new MimeBodyPart();
		rich.setText(html.toString(), StandardCharsets.UTF_8.name(), "html");
		var alternatives = new MimeMultipart("alternative", plain, rich);
		message.setContent(alternatives);
		message.saveChanges();
		return message;
	}

	private static String when(Instant instant, ZoneId zone) {
		return WHEN.format(instant.atZone(zone));
	}

	private static String row(String label, String value) {
		return "<tr><th align=\"left\">" + escape(label) + "</th><td>" + escape(value) + "</td></tr>";
	}

	/** Escapes text for HTML: names and labels come from users and admins. */
	static String escape(String text) {
		var escaped = new StringBuilder(text.length());
		for (var c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}
}
