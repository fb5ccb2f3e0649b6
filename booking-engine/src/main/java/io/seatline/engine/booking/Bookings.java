package io.seatline.engine.booking;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Bookings extends JpaRepository<Booking, String> {

	List<Booking> findByAccountIdOrderByCreatedAtDescIdDesc(String accountId);

	boolean existsByEventIdAndAccountIdAndStatus(String eventId, String accountId, BookingStatus status);

	long countByStatus(BookingStatus status);

	long countByEventIdAndStatus(String eventId, BookingStatus status);

	List<Booking> findByOrderByCreatedAtDescIdDesc(Limit limit);

	List<Booking> findByEventIdOrderByCreatedAtDescIdDesc(String eventId, Limit limit);

	@Query("select b.eventId, count(b) from Booking b where b.status = :status group by b.eventId")
	List<Object[]> countByEvent(BookingStatus status);
}
