package io.seatline.engine.account;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginSessions extends JpaRepository<LoginSession, String> {

	@Modifying
	@Query("delete from LoginSession s where s.accountId = :accountId and s.expiresAt <= :now")
	int deleteExpired(String accountId, Instant now);

	@Modifying
	@Query("delete from LoginSession s where s.accountId = :accountId and s.tokenHash <> :kept")
	int deleteAllBut(String accountId, String kept);

	@Modifying
	@Query("delete from LoginSession s where s.accountId = :accountId")
	int deleteAll(String accountId);
}
