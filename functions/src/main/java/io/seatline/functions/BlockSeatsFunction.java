package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.boxoffice.SeatBlocks;
import io.seatline.engine.boxoffice.SeatSelection;
import io.seatline.engine.idempotency.IdempotentRequests;

/** {@code blockSeats} (admin): keeps available seats of an event off sale, all or none. */
class BlockSeatsFunction implements Function<Message<Requests.SeatsOfEvent>, Views.BlockedSeats> {

	private final SeatBlocks blocks;

	private final Sessions sessions;

	private final IdempotentRequests requests;

	BlockSeatsFunction(SeatBlocks blocks, Sessions sessions, IdempotentRequests requests) {
		this.blocks = blocks;
		this.sessions = sessions;
		this.requests = requests;
	}

	@Override
	public Views.BlockedSeats apply(Message<Requests.SeatsOfEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var request = message.getPayload();
		return this.requests.once(user, "blockSeats", IdempotencyKeys.of(message.getHeaders()), request,
				Views.BlockedSeats.class, () -> Views.BlockedSeats
					.of(this.blocks.block(user, new SeatSelection(request.eventId(), request.seats()))));
	}
}
