/**
 * The admin dashboard's figures: seats in total, booked and available, confirmed bookings, per event and over all
 * events, with the most recent bookings. Read-only; it owns no table.
 */
package io.seatline.engine.dashboard;
