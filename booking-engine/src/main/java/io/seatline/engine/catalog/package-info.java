/**
 * Venues, events and their seats. A venue's seat labels are derived from its rows and seats per row, or from its
 * capacity; an event copies them into one row per seat, created with the event, whose status only SeatInventory
 * changes, with conditional statements that the booking and box-office features call. Browsing and the seat map read from here.
 */
package io.seatline.engine.catalog;
