package io.seatline.functions;

import java.util.List;
import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.SeatHolds;

/** {@code myHolds}: the caller's live holds, soonest to expire first. */
class MyHoldsFunction implements Function<Message<Requests.Empty>, List<Views.Hold>> {

	private final SeatHolds holds;

	private final Sessions sessions;

	MyHoldsFunction(SeatHolds holds, Sessions sessions) {
		this.holds = holds;
		this.sessions = sessions;
	}

	@Override
	public List<Views.Hold> apply(Message<Requests.Empty> message) {
		var user = Callers.require(this.sessions, message.getHeaders());
		return this.holds.holdsOf(user).stream().map(Views.Hold::of).toList();
	}
}
