package io.seatline.engine.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session and login-throttle settings ({@code seatline.accounts.*}).
 *
 * @param sessionTtl how long a session token is valid
 * @param maxFailedLogins failed logins for one username, within {@code failureWindow}, that lock it (for the
 * addresses that failed)
 * @param failureWindow the window in which failures are counted
 * @param lockout how long a locked username (or address) refuses logins
 * @param maxFailedLoginsPerAddress failed logins from one client address, for any usernames, within
 * {@code failureWindow}, that lock the address
 */
@ConfigurationProperties("seatline.accounts")
public record AccountSettings(@DefaultValue("12h") Duration sessionTtl, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration failureWindow, @DefaultValue("15m") Duration lockout,
		@DefaultValue("20") int maxFailedLoginsPerAddress) {
}
