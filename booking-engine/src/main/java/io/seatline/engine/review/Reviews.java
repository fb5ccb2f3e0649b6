package io.seatline.engine.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Reviews extends JpaRepository<Review, String> {

	Optional<Review> findByEventIdAndAccountId(String eventId, String accountId);

	List<Review> findByEventIdOrderByCreatedAtDescIdDesc(String eventId);
}
