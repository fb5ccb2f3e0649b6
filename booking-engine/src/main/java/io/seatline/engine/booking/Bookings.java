package io.seatline.engine.booking;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Bookings extends JpaRepository<Booking, String> {

	/**
	 * The booking, its row locked until the transaction ends, so that two changes of one booking take turns: on
	 * PostgreSQL a {@code SELECT ... FOR UPDATE}; on SQLite, whose writers take turns anyway, a plain read.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select b from Booking b where b.id = :id")
	Optional<Booking> lockById(String id);

	/** {@link #lockById} by the booking's reference. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select b from Booking b where b.reference = :reference")
	Optional<Booking> lockByReference(String reference);

	List<Booking> findByAccountIdOrderByCreatedAtDescIdDesc(String accountId);

	boolean existsByEventIdAndAccountIdAndStatus(String eventId, String accountId, BookingStatus status);

	List<Booking> findByOrderByCreatedAtDescIdDesc(Limit limit);

	List<Booking> findByEventIdOrderByCreatedAtDescIdDesc(String eventId, Limit limit);

	@Query("select b.eventId, count(b) from Booking b where b.status = :status group by b.eventId")
	List<Object[]> countByEvent(BookingStatus status);
}
