package io.seatline.engine.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The seats of events. Seats change status only through SeatInventory (claim, block, unblock) and {@link #release}:
 * single conditional statements whose row counts the caller checks. Nothing reads a status first and writes it later.
 */
interface EventSeatRows extends JpaRepository<EventSeat, Long> {

	/** Makes a booking's seats available again; returns how many it released. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update event_seats set status = 'AVAILABLE', booking_id = null
			where booking_id = :bookingId and status = 'BOOKED'""", nativeQuery = true)
	int release(String bookingId);

	/** {@link #release} for PostgreSQL: locks the seats in label order first, as a claim does. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			with releasable as (
			    select id from event_seats
			    where booking_id = :bookingId and status = 'BOOKED'
			    order by label
			    for no key update)
			update event_seats set status = 'AVAILABLE', booking_id = null
			where id in (select id from releasable) and booking_id = :bookingId and status = 'BOOKED'""",
			nativeQuery = true)
	int releaseInLabelOrder(String bookingId);
}
