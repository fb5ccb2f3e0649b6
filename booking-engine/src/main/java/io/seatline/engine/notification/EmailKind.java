package io.seatline.engine.notification;

import java.util.Locale;

/** The emails the engine sends; each is a db-scheduler task of its own, named {@link #taskName()}. */
public enum EmailKind {

	BOOKING_CONFIRMED, BOOKING_CANCELLED, REVIEW_PROMPT,

	/** The event of a booking moved: its old and new start time; one per booking and edit of the event. */
	EVENT_MOVED,

	/** The event of a booking was called off, which cancelled the booking. */
	EVENT_CANCELLED;

	/** The db-scheduler task name, such as {@code booking-confirmed}. */
	public String taskName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The id of this email for one task instance: the booking's id (so each booking schedules each email once), or
	 * for {@link #EVENT_MOVED} the booking's id and the event's edit ({@link #instanceOf}).
	 */
	String jobId(String instanceId) {
		return taskName() + "." + instanceId;
	}

	/** The task instance of a job id made by {@link #jobId}. */
	String instanceOf(String jobId) {
		return jobId.substring(taskName().length() + 1);
	}
}
