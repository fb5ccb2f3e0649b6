package io.seatline.engine.catalog;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Venues extends JpaRepository<Venue, String> {

	boolean existsByNameKey(String nameKey);

	List<Venue> findByIdIn(Collection<String> ids);
}
