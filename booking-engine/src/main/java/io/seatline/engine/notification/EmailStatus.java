package io.seatline.engine.notification;

/** Where an email stands: waiting or being retried, sent, given up on, or no longer wanted. */
public enum EmailStatus {

	PENDING, SENT, FAILED, CANCELLED

}
