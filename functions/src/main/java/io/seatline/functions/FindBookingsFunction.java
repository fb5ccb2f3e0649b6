package io.seatline.functions;

import java.util.List;
import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.BookingLedger;
import io.seatline.engine.booking.FindBookings;

/** {@code findBookings} (admin): bookings by reference, buyer or event, newest first. */
class FindBookingsFunction implements Function<Message<Requests.FindBookings>, List<Views.FoundBooking>> {

	private final BookingLedger ledger;

	private final Sessions sessions;

	FindBookingsFunction(BookingLedger ledger, Sessions sessions) {
		this.ledger = ledger;
		this.sessions = sessions;
	}

	@Override
	public List<Views.FoundBooking> apply(Message<Requests.FindBookings> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.ledger.find(user, new FindBookings(request.reference(), request.username(), request.eventId()))
			.stream()
			.map(Views.FoundBooking::of)
			.toList();
	}
}
