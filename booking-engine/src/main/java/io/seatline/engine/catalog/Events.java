package io.seatline.engine.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Events extends JpaRepository<Event, String> {

	/** The event, its row locked until the transaction ends (PostgreSQL; SQLite's writers take turns anyway). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Event e where e.id = :id")
	Optional<Event> lockById(String id);

	List<Event> findByIdIn(Collection<String> ids);

	List<Event> findAllByOrderByStartsAtAscNameAscIdAsc();
}
