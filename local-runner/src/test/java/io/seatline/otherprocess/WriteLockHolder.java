package io.seatline.otherprocess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Another process that holds an SQLite database's write lock, as the shell, a second runner, a backup or
 * {@code sqlite3} may: opens the file with plain sqlite-jdbc, begins an immediate transaction, prints {@code LOCKED},
 * and keeps the lock until a line {@code release} arrives on stdin, stdin closes, or the time given in seconds (second
 * argument, 120 by default) passes. Then it rolls back and prints {@code RELEASED}.
 * <p>
 * {@code java -cp <test classpath> io.seatline.otherprocess.WriteLockHolder /path/to/booking.db [seconds]}
 */
public final class WriteLockHolder {

	private WriteLockHolder() {
	}

	public static void main(String[] args) throws Exception {
		var database = args[0];
		var longest = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 120);
		var out = System.out;
		try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database + "?busy_timeout=30000");
				var statement = connection.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
			out.println("LOCKED");
			out.flush();
			var released = CompletableFuture.runAsync(WriteLockHolder::awaitReleaseOnStdin);
			try {
				released.get(longest.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException heldLongEnough) {
				// nobody said release: let go anyway, so that a test that died leaves no lock behind
			}
			statement.execute("ROLLBACK");
		}
		out.println("RELEASED");
		out.flush();
		System.exit(0);
	}

	private static void awaitReleaseOnStdin() {
		try {
			var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			for (var line = in.readLine(); line != null; line = in.readLine()) {
				if (line.strip().equals("release")) {
					return;
				}
			}
		}
		catch (Exception closed) {
			// stdin gone: the test is gone too, release
		}
	}
}
