package io.seatline.engine.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Events extends JpaRepository<Event, String> {

	List<Event> findByIdIn(Collection<String> ids);

	List<Event> findAllByOrderByStartsAtAscNameAscIdAsc();
}
