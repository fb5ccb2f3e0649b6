/**
 * The booking engine: domain, persistence, services and migrations, by feature ({@code account}, {@code catalog},
 * {@code booking}, {@code review}, {@code dashboard}, {@code export}). It knows nothing of the hosts that call it.
 */
package io.seatline.engine;
