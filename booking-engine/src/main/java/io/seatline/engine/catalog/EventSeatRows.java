package io.seatline.engine.catalog;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The seats of events. Seats change hands only through {@link #claim} and {@link #release}: single conditional
 * statements whose row counts the caller checks. Nothing reads a status first and writes it later.
 */
interface EventSeatRows extends JpaRepository<EventSeat, Long> {

	List<EventSeat> findByEventIdOrderByPosition(String eventId);

	@Query("select s.label from EventSeat s where s.eventId = :eventId and s.label in :labels")
	List<String> existingLabels(String eventId, Collection<String> labels);

	/** Books the listed seats that are still available; returns how many it booked. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update event_seats set status = 'BOOKED', booking_id = :bookingId
			where event_id = :eventId and label in (:labels) and status = 'AVAILABLE'""", nativeQuery = true)
	int claim(String eventId, Collection<String> labels, String bookingId);

	/**
	 * {@link #claim} for PostgreSQL, where concurrent writers lock rows rather than take turns: the seats are locked in
	 * label order before they are booked, so two bookings of overlapping seats never each hold a seat the other waits
	 * for (a plain UPDATE locks them in whatever order its plan visits them, and PostgreSQL then aborts one as a
	 * deadlock). A seat that another booking took while this one waited is re-checked and skipped.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			with claimable as (
			    select id from event_seats
			    where event_id = :eventId and label in (:labels) and status = 'AVAILABLE'
			    order by label
			    for no key update)
			update event_seats set status = 'BOOKED', booking_id = :bookingId
			where id in (select id from claimable) and status = 'AVAILABLE'""", nativeQuery = true)
	int claimInLabelOrder(String eventId, Collection<String> labels, String bookingId);

	/** The listed labels that the given booking does not hold (after a partial claim: the ones somebody else has). */
	@Query("""
			select s.label from EventSeat s
			where s.eventId = :eventId and s.label in :labels
			  and (s.bookingId is null or s.bookingId <> :bookingId)
			order by s.position""")
	List<String> notHeldBy(String eventId, Collection<String> labels, String bookingId);

	/** Positions of a booking's seats, to keep them in seat-map order. */
	@Query("select s.label, s.position from EventSeat s where s.bookingId = :bookingId order by s.position")
	List<Object[]> positionsOf(String bookingId);

	/** Makes a booking's seats available again; returns how many it released. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update event_seats set status = 'AVAILABLE', booking_id = null
			where booking_id = :bookingId and status = 'BOOKED'""", nativeQuery = true)
	int release(String bookingId);

	/** {@link #release} for PostgreSQL: locks the seats in label order first, like {@link #claimInLabelOrder}. */
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

	@Query("""
			select s.eventId, s.status, count(s) from EventSeat s
			where s.eventId in :eventIds group by s.eventId, s.status""")
	List<Object[]> countByStatus(Collection<String> eventIds);

	@Query("select s.eventId, s.status, count(s) from EventSeat s group by s.eventId, s.status")
	List<Object[]> countAllByStatus();
}
