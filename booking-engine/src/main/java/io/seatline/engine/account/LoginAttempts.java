package io.seatline.engine.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginAttempts extends JpaRepository<LoginAttempt, String> {

	/** Creates the subject's row unless it exists: one statement, so two runners on PostgreSQL cannot both insert. */
	@Modifying
	@Query(value = "insert into login_attempts (subject, attempts, window_started_at) values (:subject, 0, :now) "
			+ "on conflict (subject) do nothing", nativeQuery = true)
	int createIfMissing(String subject, long now);

	/** The subject's row, locked until the end of the transaction on PostgreSQL (SQLite has one writer anyway). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from LoginAttempt a where a.subject = :subject")
	Optional<LoginAttempt> lockBySubject(String subject);

	/** Forgets the subjects whose window and lock have passed. */
	@Modifying
	@Query("delete from LoginAttempt a where a.windowStartedAt < :windowStart "
			+ "and (a.lockedUntil is null or a.lockedUntil <= :now)")
	int deleteExpired(Instant windowStart, Instant now);
}
