package io.seatline.engine.booking;

/** Where a hold stands: {@code ACTIVE} until it is confirmed, released or expired, each of which ends it for good. */
public enum HoldStatus {

	ACTIVE, CONFIRMED, RELEASED, EXPIRED

}
