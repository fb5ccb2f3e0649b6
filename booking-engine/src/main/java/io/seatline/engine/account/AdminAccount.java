package io.seatline.engine.account;

import java.security.SecureRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidRequest;

/**
 * Creates the {@code admin} account when the database has none: with {@code ADMIN_PASSWORD}, or with a generated
 * password printed once. Runs once every bean is ready (so after the migrations), before any host takes requests.
 */
@Component
class AdminAccount implements SmartInitializingSingleton {

	static final String USERNAME = "admin";

	private static final Log logger = LogFactory.getLog(AdminAccount.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Accounts accounts;

	private final Registrations registrations;

	private final String configuredPassword;

	AdminAccount(Accounts accounts, Registrations registrations,
			@Value("${ADMIN_PASSWORD:${seatline.admin-password:}}") String configuredPassword) {
		this.accounts = accounts;
		this.registrations = registrations;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.accounts.existsByUsernameKey(USERNAME)) {
			return;
		}
		var generated = this.configuredPassword.isEmpty();
		var password = generated ? generatePassword() : this.configuredPassword;
		try {
			this.registrations.create(new RegisterAccount(USERNAME, "admin@localhost.localdomain", password),
					Role.ADMIN);
		}
		catch (Conflict ex) {
			// another process on the same database created it first
			return;
		}
		catch (InvalidRequest ex) {
			throw new IllegalStateException("ADMIN_PASSWORD is not usable: " + ex.getMessage(), ex);
		}
		if (generated) {
			// printed, not only logged: this is the one time anybody can learn it
			System.out.println();
			System.out.println("*** Seatline created the admin account. Username: admin  Password: " + password);
			System.out.println("*** It is shown only this once. Set ADMIN_PASSWORD before the first start to choose it.");
			System.out.println();
		}
		else {
			logger.info("Created the admin account with the password from ADMIN_PASSWORD");
		}
	}

	private static String generatePassword() {
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
