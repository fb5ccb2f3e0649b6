package io.seatline.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.seatline.engine.persistence.DatabaseUrl;

/**
 * The login a one-shot {@code login} leaves for the next commands: the session token and the username in a file of
 * the user's config folder ({@code SEATLINE_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/seatline}, else
 * {@code ~/.config/seatline}), one file per database so that two databases never share a login. The folder is
 * readable by its owner only (0700) and the file too (0600), both created with those permissions.
 */
@Component
class LoginStore {

	private static final FileAttribute<?> OWNER_ONLY_FOLDER = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private static final FileAttribute<?> OWNER_ONLY_FILE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

	private final Path folder;

	private final String database;

	LoginStore(@Value("${SEATLINE_CONFIG_DIR:}") String configFolder, @Value("${XDG_CONFIG_HOME:}") String xdgConfig,
			@Value("${DATABASE_URL:" + DatabaseUrl.DEFAULT + "}") String databaseUrl) {
		this.folder = folder(configFolder, xdgConfig);
		this.database = database(databaseUrl);
	}

	/** The store the shell would use with this environment: for {@code invoke --url}, which starts no Spring. */
	static LoginStore of(java.util.Map<String, String> environment) {
		return new LoginStore(environment.getOrDefault("SEATLINE_CONFIG_DIR", ""),
				environment.getOrDefault("XDG_CONFIG_HOME", ""),
				environment.getOrDefault("DATABASE_URL", DatabaseUrl.DEFAULT));
	}

	/** A stored login: whose, and its token. */
	record Login(String username, String token) {
	}

	/** The login stored for this database, or null. */
	Login read() {
		try {
			var lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
			// the first line is the database's whole hash (not its URL, which may carry a password)
			if (lines.size() < 3 || !lines.get(0).equals(sha256(this.database)) || lines.get(2).isBlank()) {
				return null;
			}
			return new Login(lines.get(1), lines.get(2).strip());
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the saved login " + file(), ex);
		}
	}

	/**
	 * Keeps a login for the next commands on this database. The token is written to a new file made readable by its
	 * owner only, then moved in place, so no other user can read it even for a moment.
	 */
	Path save(String username, String token) {
		try {
			createFolder();
			var written = this.folder.resolve(".login-" + UUID.randomUUID());
			try {
				Files.write(written, List.of(sha256(this.database), username, token), StandardCharsets.UTF_8,
						options(written));
				Files.move(written, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(written);
			}
			return file();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save the login in " + this.folder, ex);
		}
	}

	/** Forgets the login stored for this database; true if there was one. */
	boolean remove() {
		try {
			return Files.deleteIfExists(file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the saved login " + file(), ex);
		}
	}

	/** The file of this database's login. */
	Path file() {
		return this.folder.resolve("login-" + sha256(this.database).substring(0, 16));
	}

	private static StandardOpenOption[] options(Path file) throws IOException {
		if (posix(file.getParent())) {
			// created with 0600 from the start: no moment when it has the umask's permissions
			Files.createFile(file, OWNER_ONLY_FILE);
			return new StandardOpenOption[] { StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING };
		}
		return new StandardOpenOption[] { StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE };
	}

	private void createFolder() throws IOException {
		if (Files.isDirectory(this.folder)) {
			return;
		}
		var parent = this.folder.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			if (posix(parent)) {
				Files.createDirectory(this.folder, OWNER_ONLY_FOLDER);
			}
			else {
				Files.createDirectory(this.folder);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// made meanwhile by another shell
		}
	}

	private static boolean posix(Path folder) {
		return folder == null || folder.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static Path folder(String configFolder, String xdgConfig) {
		if (!configFolder.isBlank()) {
			return Path.of(configFolder.strip());
		}
		if (!xdgConfig.isBlank()) {
			return Path.of(xdgConfig.strip(), "seatline");
		}
		return Path.of(System.getProperty("user.home"), ".config", "seatline");
	}

	/** The database the URL names: an SQLite file by its absolute path, since a relative one depends on the folder. */
	static String database(String url) {
		var database = new DatabaseUrl(url).url();
		if (database.startsWith("jdbc:sqlite:")) {
			var path = database.substring("jdbc:sqlite:".length());
			var settings = path.indexOf('?');
			var file = (settings >= 0) ? path.substring(0, settings) : path;
			if (!file.startsWith("file:") && !file.isBlank()) {
				return "jdbc:sqlite:" + Path.of(file).toAbsolutePath().normalize();
			}
		}
		return database;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}
}
