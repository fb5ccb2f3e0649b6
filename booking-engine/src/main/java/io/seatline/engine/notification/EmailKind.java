package io.seatline.engine.notification;

import java.util.Locale;

/** The emails the engine sends; each is a db-scheduler task of its own, named {@link #taskName()}. */
public enum EmailKind {

	BOOKING_CONFIRMED, BOOKING_CANCELLED, REVIEW_PROMPT;

	/** The db-scheduler task name, such as {@code booking-confirmed}. */
	public String taskName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The id of this email for one booking: also the task instance, so each booking schedules each email once. */
	String jobId(String bookingId) {
		return taskName() + "." + bookingId;
	}
}
