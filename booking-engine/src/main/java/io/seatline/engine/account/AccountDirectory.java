package io.seatline.engine.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up public facts about accounts for other features: usernames to show beside reviews and bookings. */
@Service
public class AccountDirectory {

	private final Accounts accounts;

	private final JdbcTemplate jdbc;

	AccountDirectory(Accounts accounts, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** Usernames by account id, for the ids that exist. */
	@Transactional(readOnly = true)
	public Map<String, String> usernames(Collection<String> accountIds) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		return this.accounts.findByIdIn(accountIds)
			.stream()
			.collect(Collectors.toMap(Account::id, Account::username));
	}

	/** The id of the account with this username, in any case; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<String> idOf(String username) {
		return this.accounts.findByUsernameKey(Account.keyOf(username)).map(Account::id);
	}

	/** The email address of an account, to write to. */
	@Transactional(readOnly = true)
	public String emailOf(String accountId) {
		var emails = this.jdbc.queryForList("select email from accounts where id = ?", String.class, accountId);
		return emails.isEmpty() ? null : emails.get(0);
	}
}
