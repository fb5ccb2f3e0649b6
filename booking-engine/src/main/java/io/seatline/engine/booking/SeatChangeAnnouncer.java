package io.seatline.engine.booking;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Turns a committed booking, cancellation, hold, end of a hold or cancelled event into {@link SeatsChanged}, so listeners never see a rolled-back one. */
@Component
class SeatChangeAnnouncer {

	private final ApplicationEventPublisher publisher;

	SeatChangeAnnouncer(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@TransactionalEventListener
	void confirmed(BookingConfirmed confirmed) {
		this.publisher.publishEvent(new SeatsChanged(confirmed.booking().event().eventId()));
	}

	@TransactionalEventListener
	void cancelled(BookingCancelled cancelled) {
		this.publisher.publishEvent(new SeatsChanged(cancelled.booking().event().eventId()));
	}

	@TransactionalEventListener
	void holdChanged(HoldChanged changed) {
		// seats held, or held seats given back (a confirmation is a BookingConfirmed)
		this.publisher.publishEvent(new SeatsChanged(changed.eventId()));
	}

	@TransactionalEventListener
	void eventCancelled(EventCancelled cancelled) {
		// even with no booking to release: open seat maps must learn that the event can no longer be booked
		this.publisher.publishEvent(new SeatsChanged(cancelled.event().eventId()));
	}
}
