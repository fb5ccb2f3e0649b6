package io.seatline.engine.account;

/** What an account may do: {@code USER} books and reviews; {@code ADMIN} also runs venues, events and reports. */
public enum Role {

	USER, ADMIN

}
