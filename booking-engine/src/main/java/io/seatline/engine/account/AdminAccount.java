package io.seatline.engine.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.InvalidRequest;

/**
 * Creates the {@code admin} account when the database has none: with {@code ADMIN_PASSWORD} (which must pass the
 * password policy, or the start fails saying why), or with a generated password written once to a file only its
 * owner may read ({@code ADMIN_PASSWORD_FILE}, {@code ./data/admin-password.txt} by default): the console and the
 * logs get its path, never the password. Where no such file can be written it is printed once, with a warning. Runs
 * once every bean is ready (so after the migrations), before any host takes requests.
 */
@Component
class AdminAccount implements SmartInitializingSingleton {

	static final String USERNAME = "admin";

	private static final Log logger = LogFactory.getLog(AdminAccount.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Accounts accounts;

	private final Registrations registrations;

	private final String configuredPassword;

	private final Path passwordFile;

	AdminAccount(Accounts accounts, Registrations registrations,
			@Value("${ADMIN_PASSWORD:${seatline.admin-password:}}") String configuredPassword,
			@Value("${ADMIN_PASSWORD_FILE:${seatline.admin-password-file:./data/admin-password.txt}}") String passwordFile) {
		this.accounts = accounts;
		this.registrations = registrations;
		this.configuredPassword = configuredPassword;
		this.passwordFile = Path.of(passwordFile).toAbsolutePath().normalize();
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
			tellOnce(password);
		}
		else {
			logger.info("Created the admin account with the password from ADMIN_PASSWORD");
		}
	}

	private void tellOnce(String password) {
		try {
			writeOwnerOnly(this.passwordFile, password);
			// printed, not only logged: the one time anybody learns where it is
			System.out.println();
			System.out.println("*** Seatline created the admin account. Its generated password is in " + this.passwordFile);
			System.out.println("*** (readable only by this user). Sign in as admin, change it with changePassword,");
			System.out.println("*** then delete the file. Set ADMIN_PASSWORD before the first start to choose it.");
			System.out.println();
			logger.info("Created the admin account; its generated password is in " + this.passwordFile);
		}
		catch (IOException | UnsupportedOperationException ex) {
			logger.warn("Could not write the admin password to " + this.passwordFile + " (" + ex.getMessage()
					+ "); printing it once instead");
			System.out.println();
			System.out.println("*** WARNING: Seatline created the admin account and could not write its generated");
			System.out.println("*** password to a private file, so it is printed here, once. Anyone who can read this");
			System.out.println("*** console or its logs can read it: sign in as admin and change it with changePassword now.");
			System.out.println("*** Username: admin  Password: " + password);
			System.out.println();
		}
	}

	/** Writes a new file that only its owner may read or write (POSIX 600 from the start, never wider). */
	static void writeOwnerOnly(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8,
				StandardOpenOption.TRUNCATE_EXISTING);
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
