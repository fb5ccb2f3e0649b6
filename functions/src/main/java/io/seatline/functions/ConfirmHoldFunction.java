package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatHolds;

/** {@code confirmHold}: turns one of the caller's live holds into a confirmed booking. */
class ConfirmHoldFunction implements Function<Message<Requests.OfHold>, Views.Booking> {

	private final SeatHolds holds;

	private final Sessions sessions;

	ConfirmHoldFunction(SeatHolds holds, Sessions sessions) {
		this.holds = holds;
		this.sessions = sessions;
	}

	@Override
	public Views.Booking apply(Message<Requests.OfHold> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		return Views.Booking.of(this.holds.confirm(user, Fields.required("holdId", message.getPayload().holdId())));
	}
}
