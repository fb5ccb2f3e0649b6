package io.seatline.engine.account;

/** A new account. */
public record Registered(String userId, String username) {
}
