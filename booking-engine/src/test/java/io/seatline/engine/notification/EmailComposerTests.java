package io.seatline.engine.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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

	private final EmailComposer composer = new EmailComposer("Seatline <no-reply@localhost>", "https://tickets.example.org/", Clock.fixed(STARTS, ZoneOffset.UTC));

	@Test
	void theConfirmationNamesTheReference() throws Exception {
		var text = composed(EmailKind.BOOKING_CONFIRMED, booking(BookingStatus.CONFIRMED, null));
		assertThat(text).contains("Reference:  K7M2QX9P").contains("<th align=\"left\">Reference</th><td>K7M2QX9P</td>");
	}

	@Test
	void theConfirmationSaysWhatTheBookingCostOrThatItWasFree() throws Exception {
		var event = new EventDetails("e1", "Gala", null, "v1", "Hall", STARTS, 10);
		var priced = new BookingDetails("b1", "K7M2QX9P", event, "a1", "ann", List.of("A1", "A2"),
				BookingStatus.CONFIRMED, STARTS, null, null, 9000, "EUR", List.of(4500L, 4500L));
		assertThat(composed(EmailKind.BOOKING_CONFIRMED, priced)).contains("Total:      EUR 90.00")
			.contains("<th align=\"left\">Total</th><td>EUR 90.00</td>");
		var yen = new BookingDetails("b1", "K7M2QX9P", event, "a1", "ann", List.of("A1"), BookingStatus.CONFIRMED,
				STARTS, null, null, 5000, "JPY", List.of(5000L));
		assertThat(composed(EmailKind.BOOKING_CONFIRMED, yen)).contains("Total:      JPY 5000");
		var free = new BookingDetails("b1", "K7M2QX9P", event, "a1", "ann", List.of("A1"), BookingStatus.CONFIRMED,
				STARTS, null, null, 0, "EUR", List.of(0L));
		assertThat(composed(EmailKind.BOOKING_CONFIRMED, free)).contains("Total:      free");
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

	@Test
	void everyEmailShowsTheTimeInTheVenuesZoneWithTheZone() throws Exception {
		var berlin = new EventDetails("e1", "Gala", null, "v1", "Hall", STARTS, 10, null, null,
				ZoneId.of("Europe/Berlin"));
		var booking = new BookingDetails("b1", "K7M2QX9P", berlin, "a1", "ann", List.of("A1"),
				BookingStatus.CONFIRMED, STARTS, null, null);
		for (var kind : List.of(EmailKind.BOOKING_CONFIRMED, EmailKind.BOOKING_CANCELLED, EmailKind.REVIEW_PROMPT,
				EmailKind.EVENT_CANCELLED)) {
			assertThat(composed(kind, booking)).as(kind.name())
				.contains("When:       Thursday 24 December 2026, 19:30 (Europe/Berlin)")
				.contains("<td>Thursday 24 December 2026, 19:30 (Europe/Berlin)</td>");
		}
		var moved = this.composer.compose("event-moved.b1", EmailKind.EVENT_MOVED, "ann@example.org", booking,
				Instant.parse("2026-07-01T18:00:00Z"));
		// the former time in the zone's summer offset, the new one in its winter offset
		assertThat(moved.getSubject()).isEqualTo("Gala has moved to Thursday 24 December 2026, 19:30 (Europe/Berlin)");
		assertThat(text(moved)).contains("moved from Wednesday 1 July 2026, 20:00 (Europe/Berlin) to Thursday 24 "
				+ "December 2026, 19:30 (Europe/Berlin)");
	}

	private static String text(jakarta.mail.internet.MimeMessage message) throws Exception {
		var out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
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
