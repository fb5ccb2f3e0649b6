/**
 * The box office: what an admin does to an event's seats and bookings on a customer's behalf. Blocks and unblocks
 * seats (kept off sale) through the catalog's seat inventory, the one owner of seat state, and shows the admin's seat
 * map, where every sold seat names its booking and buyer. Finding and cancelling bookings for customers is the
 * booking feature's ({@code BookingLedger.find}, {@code SeatReservations.cancelFor}).
 */
package io.seatline.engine.boxoffice;
