package io.seatline.engine.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Events extends JpaRepository<Event, String> {

	@Query("""
			select e from Event e, Venue v
			where v.id = e.venueId and v.nameKey like :venuePattern escape '\\'
			  and e.startsAt >= :from and e.startsAt < :until
			order by e.startsAt, e.name, e.id""")
	List<Event> browse(String venuePattern, Instant from, Instant until);

	List<Event> findByIdIn(Collection<String> ids);

	List<Event> findAllByOrderByStartsAtAscNameAscIdAsc();
}
