package io.seatline.engine.boxoffice;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.seatline.engine.booking.SeatsChanged;

/** Turns committed blocks and unblocks into {@link SeatsChanged}, so that live seat maps show them at once. */
@Component
class BlockAnnouncer {

	private final ApplicationEventPublisher publisher;

	BlockAnnouncer(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@TransactionalEventListener
	void blocked(SeatsBlocked blocked) {
		this.publisher.publishEvent(new SeatsChanged(blocked.eventId()));
	}
}
