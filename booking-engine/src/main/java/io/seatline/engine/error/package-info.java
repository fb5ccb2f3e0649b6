/**
 * The engine's one family of failures. Every refusal the engine makes is a {@link io.seatline.engine.error.SeatlineException}
 * with a stable {@code code()} from the function contract; each host maps the code to its own form (an HTTP status,
 * a shell exit code) in one place.
 */
package io.seatline.engine.error;
