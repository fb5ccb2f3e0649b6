package io.seatline.engine.account;

/** A new password is set: whose, and how many of the account's sessions it ended. */
public record PasswordChanged(String username, int sessionsEnded) {
}
