package io.seatline.engine.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;

/**
 * What an admin does to accounts: lists and searches them, disables one (its sessions end at once and it can no longer
 * sign in; its bookings stay) and enables it again.
 */
@Service
public class AccountAdministration {

	/** The most accounts one listing answers. */
	public static final int MAX_LIMIT = 1000;

	/** The accounts one listing answers when no limit is given. */
	public static final int DEFAULT_LIMIT = 100;

	private final Accounts accounts;

	private final LoginSessions sessions;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	AccountAdministration(Accounts accounts, LoginSessions sessions, JdbcTemplate jdbc, Clock clock,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.accounts = accounts;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Accounts whose username contains the query in any case (every account without one), by username, at most
	 * {@code limit} (1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when null); each with its confirmed bookings.
	 */
	@Transactional(readOnly = true)
	public List<AccountSummary> list(User user, String query, Integer limit) {
		user.requireAdmin();
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new InvalidRequest("limit", "limit is from 1 to " + MAX_LIMIT);
		}
		if (query != null && query.length() > 100) {
			throw new InvalidRequest("query", "query has at most 100 characters");
		}
		var pattern = (query == null) ? "%" : "%" + escapeLike(Account.keyOf(query.strip())) + "%";
		return this.jdbc.query("""
				select a.username, a.email, a.role, a.created_at, a.disabled_at,
				       (select count(*) from bookings b where b.account_id = a.id and b.status = 'CONFIRMED')
				from accounts a where a.username_key like ? escape '\\'
				order by a.username_key limit ?""",
				(row, index) -> new AccountSummary(row.getString(1), row.getString(2), Role.valueOf(row.getString(3)),
						Instant.ofEpochMilli(row.getLong(4)), row.getObject(5) != null, instantOrNull(row.getObject(5)),
						row.getLong(6)),
				pattern, (limit != null) ? limit : DEFAULT_LIMIT);
	}

	/**
	 * Disables an account: every session of it ends now, and it cannot sign in until enabled; its bookings stay.
	 * {@code NOT_FOUND} for an unknown username, {@code CONFLICT} for the caller's own account or one disabled
	 * already.
	 */
	@Transactional
	public AccountStatusChanged disable(User user, String username) {
		user.requireAdmin();
		var account = find(username);
		if (account.id().equals(user.id())) {
			throw new Conflict("You cannot disable your own account");
		}
		account.disable(this.clock.instant());
		var changed = new AccountStatusChanged(account.username(), true, this.sessions.deleteAll(account.id()));
		this.publisher.publishEvent(new AccountAdministered(user.username(), account.username(),
				AccountAdministered.Change.DISABLED, changed.sessionsEnded()));
		return changed;
	}

	/** Lets a disabled account sign in again. {@code NOT_FOUND} for an unknown username, {@code CONFLICT} if enabled. */
	@Transactional
	public AccountStatusChanged enable(User user, String username) {
		user.requireAdmin();
		var account = find(username);
		account.enable();
		this.publisher.publishEvent(new AccountAdministered(user.username(), account.username(),
				AccountAdministered.Change.ENABLED, 0));
		return new AccountStatusChanged(account.username(), false, 0);
	}

	private Account find(String username) {
		if (username == null || username.isEmpty()) {
			throw new InvalidRequest("username", "A username is required");
		}
		PasswordPolicy.username(username);
		return this.accounts.findByUsernameKey(Account.keyOf(username))
			.orElseThrow(() -> new NotFound("No account is named '" + username + "'"));
	}

	private static Instant instantOrNull(Object millis) {
		return (millis instanceof Number number) ? Instant.ofEpochMilli(number.longValue()) : null;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
