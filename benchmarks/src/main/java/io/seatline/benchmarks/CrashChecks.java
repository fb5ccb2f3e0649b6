package io.seatline.benchmarks;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the crash test checks once the runner is stopped, reading the database directly (read-only) and the emails
 * GreenMail received: every booking a client saw confirmed is there with its seats; no seat sold twice; every booked
 * seat in a confirmed booking; {@code PRAGMA integrity_check} on SQLite; every booking committed without a reply is
 * one whole request that a kill cut off; every confirmed booking's email delivered at least once, to its buyer (the
 * duplicates counted); every kill a SIGKILL.
 */
final class CrashChecks {

	private static final int SHOWN = 10;

	private static final int DUPLICATES_SHOWN = 100;

	private static final int SIGKILL_EXIT = 137;

	private final List<Check> checks = new ArrayList<>();

	private final List<String> figures = new ArrayList<>();

	private CrashChecks() {
	}

	/**
	 * Runs every check. {@code exits} are the killed runners' exit statuses; {@code why} says why the test ended
	 * early, or is {@code null}.
	 */
	static CrashChecks check(String databaseUrl, CrashLoad load, Mailbox.Delivered delivered, List<Integer> exits,
			String why) {
		var checks = new CrashChecks();
		try {
			checks.run(databaseUrl, load, delivered, exits, why);
		}
		catch (SQLException ex) {
			checks.add(false, "the database could be read", ex.toString());
		}
		return checks;
	}

	/** The ids of the confirmed bookings in the database: whose emails are awaited. */
	static Set<String> confirmedBookings(String databaseUrl) throws SQLException {
		return StoredBooking.all(databaseUrl).values().stream().filter(StoredBooking::confirmed)
			.map(StoredBooking::id).collect(Collectors.toSet());
	}

	boolean passed() {
		return this.checks.stream().allMatch(Check::ok);
	}

	void print(PrintStream log) {
		log.println("figures:");
		this.figures.forEach((line) -> log.println("  " + line));
		log.println("checks:");
		this.checks.forEach((check) -> log.println("  " + (check.ok() ? "OK     " : "FAILED ") + check.what()
				+ (check.detail().isEmpty() ? "" : " (" + check.detail() + ")")));
	}

	private void run(String databaseUrl, CrashLoad load, Mailbox.Delivered delivered, List<Integer> exits,
			String why) throws SQLException {
		if (why != null) {
			add(false, "the test ran to its end", why);
		}
		var stored = StoredBooking.all(databaseUrl);
		var integrity = Integrity.check(databaseUrl, load.confirmedSeats());
		var confirmed = load.confirmed();
		var unknown = load.unknown();
		var inDatabase = stored.values().stream().filter(StoredBooking::confirmed).toList();

		this.figures.add("kills: %d, exit statuses %s".formatted(exits.size(), counts(exits)));
		this.figures.add("requests: %,d".formatted(load.requests()));
		this.figures.add("bookings confirmed to clients (200): %,d (%,d seats)".formatted(confirmed.size(),
				load.confirmedSeats()));
		this.figures.add("refused: %s".formatted(load.refused().isEmpty() ? "none" : load.refused().entrySet()
			.stream().map((e) -> "%,d x %d".formatted(e.getValue(), e.getKey())).collect(Collectors.joining(", "))));
		this.figures.add("unknown outcomes (no reply): %,d (%,d of them while no kill was under way)"
			.formatted(unknown.size(), load.failuresWithoutKill()));
		this.figures.add("confirmed bookings in the database: %,d (%,d seats)".formatted(inDatabase.size(),
				inDatabase.stream().mapToLong((booking) -> booking.seats().size()).sum()));

		confirmedRepliesKept(confirmed, stored);
		add(integrity.error() == null && integrity.doubleSold() == 0, "no seat sold twice",
				(integrity.error() != null) ? integrity.error() : integrity.doubleSold() + " seats with two live sales");
		add(integrity.error() == null && integrity.bookedWithoutConfirmedBooking() == 0
				&& integrity.bookedSeats() == integrity.liveLedgerRows(),
				"every booked seat belongs to a confirmed booking",
				"%d without; %,d booked seats, %,d live ledger rows".formatted(
						integrity.bookedWithoutConfirmedBooking(), integrity.bookedSeats(), integrity.liveLedgerRows()));
		add(integrity.integrityCheckOk(), "PRAGMA integrity_check", integrity.integrityCheck().equals("n/a")
				? "not applicable: PostgreSQL" : integrity.integrityCheck());
		committedWithoutReplyAreCutRequests(confirmed, unknown, inDatabase);
		emails(inDatabase, delivered);
		add(exits.stream().allMatch((exit) -> exit == SIGKILL_EXIT), "every kill was a SIGKILL (exit status 137)",
				counts(exits));
	}

	/** Every 200 reply: said CONFIRMED with the seats asked, and is in the database so, for its buyer and event. */
	private void confirmedRepliesKept(List<CrashLoad.Confirmation> confirmed, Map<String, StoredBooking> stored) {
		var wrong = new ArrayList<String>();
		var ids = new HashSet<String>();
		for (var confirmation : confirmed) {
			var request = confirmation.request();
			var booking = stored.get(confirmation.bookingId());
			String problem = null;
			if (!ids.add(confirmation.bookingId())) {
				problem = "a second 200 reply with this booking id";
			}
			else if (!confirmation.status().equals("CONFIRMED") || !sorted(confirmation.seats())
				.equals(sorted(request.seats()))) {
				problem = "the reply said " + confirmation.status() + " " + confirmation.seats();
			}
			else if (booking == null) {
				problem = "missing from the database";
			}
			else if (!booking.confirmed() || !booking.username().equals(request.username())
					|| !booking.event().equals(request.event())
					|| !sorted(booking.seats()).equals(sorted(request.seats()))) {
				problem = "in the database: " + booking;
			}
			if (problem != null) {
				wrong.add(confirmation.bookingId() + " " + request + ": " + problem);
			}
		}
		add(wrong.isEmpty(), "every booking confirmed to a client is in the database: CONFIRMED, its buyer, its seats",
				wrong.isEmpty() ? "%,d of %,d".formatted(confirmed.size(), confirmed.size()) : shown(wrong));
	}

	/**
	 * A confirmed booking that no client was told about must be one whole request whose reply a kill cut off (the
	 * same buyer, event and seats); a refused request changed nothing.
	 */
	private void committedWithoutReplyAreCutRequests(List<CrashLoad.Confirmation> confirmed,
			List<CrashLoad.Request> unknown, List<StoredBooking> inDatabase) {
		var repliedTo = confirmed.stream().map(CrashLoad.Confirmation::bookingId).collect(Collectors.toSet());
		var cut = new HashMap<String, Integer>();
		unknown.forEach((request) -> cut.merge(key(request.username(), request.event(), request.seats()), 1, Integer::sum));
		var unexplained = new ArrayList<String>();
		int withoutReply = 0;
		for (var booking : inDatabase) {
			if (repliedTo.contains(booking.id())) {
				continue;
			}
			withoutReply++;
			var key = key(booking.username(), booking.event(), booking.seats());
			if (cut.getOrDefault(key, 0) > 0) {
				cut.merge(key, -1, Integer::sum);
			}
			else {
				unexplained.add(booking.toString());
			}
		}
		this.figures.add("committed without a reply: %,d of the %,d unknown outcomes".formatted(withoutReply,
				unknown.size()));
		add(unexplained.isEmpty(), "every booking committed without a 200 reply is one whole request cut off by a kill",
				unexplained.isEmpty() ? "%,d of %,d".formatted(withoutReply, withoutReply) : shown(unexplained));
	}

	/** Every confirmed booking's confirmation delivered at least once, to its buyer; none for another booking. */
	private void emails(List<StoredBooking> inDatabase, Mailbox.Delivered delivered) {
		var emails = delivered.confirmations();
		var missing = new ArrayList<String>();
		var duplicates = new TreeMap<String, Integer>();
		for (var booking : inDatabase) {
			var recipients = emails.getOrDefault(booking.id(), List.of());
			if (recipients.isEmpty() || !recipients.stream().allMatch((to) -> to.contains(booking.email()))) {
				missing.add(booking.id() + " to " + booking.email() + ": " + recipients);
			}
			if (recipients.size() > 1) {
				duplicates.put(booking.id(), recipients.size());
			}
		}
		var confirmedIds = inDatabase.stream().map(StoredBooking::id).collect(Collectors.toSet());
		var strays = emails.keySet().stream().filter((id) -> !confirmedIds.contains(id)).sorted().toList();
		this.figures.add(("emails received: %,d messages, %,d confirmations of %,d bookings; %,d SMTP sessions cut by "
				+ "a kill").formatted(delivered.messages(), emails.values().stream().mapToLong(List::size).sum(),
						emails.size(), delivered.cutSessions()));
		this.figures.add("duplicate emails: %,d bookings confirmed more than once (%,d extra copies)%s".formatted(
				duplicates.size(), duplicates.values().stream().mapToInt((copies) -> copies - 1).sum(),
				duplicates.isEmpty() ? "" : ": " + duplicates.entrySet().stream().limit(DUPLICATES_SHOWN)
					.map((e) -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))
						+ ((duplicates.size() > DUPLICATES_SHOWN) ? ", ..." : "")));
		add(missing.isEmpty(), "every confirmed booking's email delivered at least once, to its buyer",
				missing.isEmpty() ? "%,d of %,d".formatted(inDatabase.size(), inDatabase.size()) : shown(missing));
		add(strays.isEmpty(), "no confirmation email for a booking that is not confirmed",
				strays.isEmpty() ? "0" : shown(strays));
	}

	private void add(boolean ok, String what, String detail) {
		this.checks.add(new Check(ok, what, detail));
	}

	private static String key(String username, String event, List<String> seats) {
		return username + " " + event + " " + sorted(seats);
	}

	private static List<String> sorted(List<String> seats) {
		return seats.stream().sorted().toList();
	}

	private static String counts(List<Integer> values) {
		var counts = new TreeMap<Integer, Integer>();
		values.forEach((value) -> counts.merge(value, 1, Integer::sum));
		return counts.entrySet().stream().map((e) -> e.getValue() + " x " + e.getKey())
			.collect(Collectors.joining(", "));
	}

	private static String shown(List<String> problems) {
		return problems.size() + ": " + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
				+ ((problems.size() > SHOWN) ? "; ..." : "");
	}

	/** One check: passed or not, what it checks, and its figures or what was wrong. */
	record Check(boolean ok, String what, String detail) {
	}

	/** A booking as the database holds it, with the live seats of its ledger. */
	record StoredBooking(String id, String status, String event, String username, String email, List<String> seats) {

		boolean confirmed() {
			return this.status.equals("CONFIRMED");
		}

		static Map<String, StoredBooking> all(String databaseUrl) throws SQLException {
			var seats = new HashMap<String, List<String>>();
			var bookings = new HashMap<String, StoredBooking>();
			try (var connection = Integrity.connect(databaseUrl); var statement = connection.createStatement()) {
				try (var rows = statement.executeQuery(
						"SELECT booking_id, label FROM booking_seats WHERE released_at IS NULL")) {
					while (rows.next()) {
						seats.computeIfAbsent(rows.getString(1), (id) -> new ArrayList<>()).add(rows.getString(2));
					}
				}
				try (var rows = statement.executeQuery("SELECT b.id, b.status, b.event_id, a.username, a.email "
						+ "FROM bookings b JOIN accounts a ON a.id = b.account_id")) {
					while (rows.next()) {
						var id = rows.getString(1);
						bookings.put(id, new StoredBooking(id, rows.getString(2), rows.getString(3), rows.getString(4),
								rows.getString(5), seats.getOrDefault(id, List.of())));
					}
				}
			}
			return bookings;
		}
	}
}
