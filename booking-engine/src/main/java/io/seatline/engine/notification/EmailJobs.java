package io.seatline.engine.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmailJobs extends JpaRepository<EmailJob, String> {

	List<EmailJob> findByStatusInOrderByDueAtAscIdAsc(Collection<EmailStatus> statuses);

	List<EmailJob> findByStatus(EmailStatus status);

	List<EmailJob> findByBookingIdOrderByIdAsc(String bookingId);

}
