package io.seatline.engine.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.BookingStatus;
import io.seatline.engine.catalog.EventDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** What the emails say: the booking's reference in each, and the box office's reason in its cancellation. */
class EmailComposerTests {

	private static final Instant STARTS = Instant.parse("2026-12-24T18:30:00Z");

	private final EmailComposer composer = new EmailComposer(
			new JobSettings(true, Duration.ofSeconds(2), 1, 3, Duration.ofSeconds(1), Duration.ofHours(3),
					Path.of("target", "outbox"), ZoneOffset.UTC, Duration.ofSeconds(30)),
			"Seatline <no-reply@localhost>", "https://tickets.example.org/", Clock.fixed(STARTS, ZoneOffset.UTC));

	@Test
	void theConfirmationNamesTheReference() throws Exception {
		var text = composed(EmailKind.BOOKING_CONFIRMED, booking(BookingStatus.CONFIRMED, null));
		assertThat(text).contains("Reference:  K7M2QX9P").contains("<th align=\"left\">Reference</th><td>K7M2QX9P</td>");
	}

	@Test
	void aCancellationByTheBoxOfficeGivesItsReason() throws Exception {
		var text = composed(EmailKind.BOOKING_CANCELLED,
				booking(BookingStatus.CANCELLED, "The <hall> is closed for repairs"));
		assertThat(text).contains("the box office has cancelled your booking")
			.contains("Reason: The <hall> is closed for repairs")
			.contains("Reason: The &lt;hall&gt; is closed for repairs");
	}

	@Test
	void aCancellationByTheCustomerGivesNoReason() throws Exception {
		assertThat(composed(EmailKind.BOOKING_CANCELLED, booking(BookingStatus.CANCELLED, null)))
			.contains("your booking is cancelled")
			.doesNotContain("Reason");
	}

	private String composed(EmailKind kind, BookingDetails booking) throws Exception {
		var message = this.composer.compose(kind.taskName() + ".b1", kind, "ann@example.org", booking);
		var out = new ByteArrayOutputStream();
		message.writeTo(out);
		// the parts are quoted-printable: join soft line breaks so that the text reads whole
		return out.toString(StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
	}

	private static BookingDetails booking(BookingStatus status, String reason) {
		return new BookingDetails("b1", "K7M2QX9P", new EventDetails("e1", "Gala", null, "v1", "Hall", STARTS, 10),
				"a1", "ann", List.of("A1"), status, STARTS, (status == BookingStatus.CANCELLED) ? STARTS : null, reason);
	}
}
