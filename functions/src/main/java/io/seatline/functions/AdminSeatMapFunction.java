package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.boxoffice.SeatHolders;

/** {@code adminSeatMap} (admin): the seat map of an event with each sold seat's booking and buyer. */
class AdminSeatMapFunction implements Function<Message<Requests.OfEvent>, Views.AdminSeats> {

	private final SeatHolders holders;

	private final Sessions sessions;

	AdminSeatMapFunction(SeatHolders holders, Sessions sessions) {
		this.holders = holders;
		this.sessions = sessions;
	}

	@Override
	public Views.AdminSeats apply(Message<Requests.OfEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return Views.AdminSeats.of(
				this.holders.seatMap(user, Fields.required("eventId", message.getPayload().eventId())));
	}
}
