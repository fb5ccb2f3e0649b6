package io.seatline.engine.account;

/** An account was disabled or enabled: whose, whether it is disabled now, and how many sessions that ended. */
public record AccountStatusChanged(String username, boolean disabled, int sessionsEnded) {
}
