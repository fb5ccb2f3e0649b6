package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.export.BookingExport;

/**
 * {@code exportBookings} (admin): the bookings as CSV, a message whose content type is {@code text/csv}; with
 * {@code prices: true} the columns {@code currency,amount} follow the contract's.
 */
class ExportBookingsFunction implements Function<Message<Requests.ExportBookings>, Message<String>> {

	/** The content type of the CSV. */
	static final String TEXT_CSV = "text/csv;charset=UTF-8";

	private final BookingExport export;

	private final Sessions sessions;

	ExportBookingsFunction(BookingExport export, Sessions sessions) {
		this.export = export;
		this.sessions = sessions;
	}

	@Override
	public Message<String> apply(Message<Requests.ExportBookings> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		var csv = this.export.export(user, Fields.optional(request.eventId()), Boolean.TRUE.equals(request.prices()));
		return MessageBuilder.withPayload(csv).setHeader(MessageHeaders.CONTENT_TYPE, TEXT_CSV).build();
	}
}
