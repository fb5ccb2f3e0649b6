/**
 * Bookings: several seats of one event, all or none, and their cancellation, one by one or all of an event called
 * off ({@link io.seatline.engine.booking.EventCancellations}). Seats are claimed by one conditional
 * statement whose row count is checked inside an immediate write transaction; a partial unique index on the live
 * booked seats makes a double sale impossible even if that code were wrong. Publishes {@link
 * io.seatline.engine.booking.BookingConfirmed} and {@link io.seatline.engine.booking.BookingCancelled} inside the
 * transaction, so that what they trigger commits or rolls back with the booking.
 */
package io.seatline.engine.booking;
