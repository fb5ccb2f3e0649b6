/**
 * The bookings report as CSV (Commons CSV), streamed row by row from one query so that a large export needs no
 * more memory than a small one.
 */
package io.seatline.engine.export;
