package io.seatline.engine.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.AllOrNothing;
import io.seatline.engine.account.AccountAdministration;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.booking.CancelBookingFor;
import io.seatline.engine.booking.EventCancellations;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.boxoffice.SeatBlocks;
import io.seatline.engine.boxoffice.SeatSelection;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.UpdateEvent;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.testapp.EngineTest;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit log on a real database (each subclass names one): one entry per change, with who, before and after,
 * written in the change's own transaction; none for a refusal or a rollback; read by event, booking and user.
 */
abstract class AuditLogTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	EventCatalog catalog;

	@Autowired
	SeatReservations reservations;

	@Autowired
	SeatBlocks blocks;

	@Autowired
	EventCancellations cancellations;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Sessions sessions;

	@Autowired
	AllOrNothing allOrNothing;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyAdminActionOnAnEventWritesOneEntryWithWhoBeforeAndAfter() {
		var admin = this.fixtures.admin();
		var event = this.fixtures.newEvent(1, 4);
		assertThat(this.trail.entries(admin, AuditQuery.ofEvent(event.eventId())))
			.extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::before)
			.containsExactly(tuple("admin", "createEvent", null));

		this.catalog.updateEvent(admin, new UpdateEvent(event.eventId(), "Renamed", null, null));
		this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A2", "A1")));
		this.blocks.unblock(admin, new SeatSelection(event.eventId(), List.of("A2")));
		var buyer = this.fixtures.newUser();
		var bookingId = this.fixtures.book(buyer, event, "A3");
		this.cancellations.cancel(admin, event.eventId(), "Storm");

		var entries = this.trail.entries(admin, AuditQuery.ofEvent(event.eventId()));
		// newest first: the event's cancellation, then the booking it cancelled (written after it), ...
		assertThat(entries).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::bookingId)
			.containsExactly(tuple("admin", "cancelEvent", bookingId), tuple("admin", "cancelEvent", null),
					tuple(buyer.username(), "reserveSeats", bookingId), tuple("admin", "unblockSeats", null),
					tuple("admin", "blockSeats", null), tuple("admin", "updateEvent", null),
					tuple("admin", "createEvent", null));
		assertThat(entries.get(0).username()).isEqualTo(buyer.username());
		assertThat(entries.get(0).after()).isEqualTo("{\"status\":\"CANCELLED\",\"reason\":\"Storm\"}");
		assertThat(entries.get(1).before()).isEqualTo("{\"cancelled\":false}");
		assertThat(entries.get(1).after())
			.isEqualTo("{\"cancelled\":true,\"reason\":\"Storm\",\"bookingsCancelled\":1}");
		assertThat(entries.get(2).before()).isNull();
		assertThat(entries.get(2).after()).isEqualTo("{\"status\":\"CONFIRMED\",\"seats\":[\"A3\"]}");
		assertThat(entries.get(3).before()).isEqualTo("{\"seats\":[\"A2\"],\"status\":\"BLOCKED\"}");
		assertThat(entries.get(3).after()).isEqualTo("{\"seats\":[\"A2\"],\"status\":\"AVAILABLE\"}");
		assertThat(entries.get(4).after()).isEqualTo("{\"seats\":[\"A1\",\"A2\"],\"status\":\"BLOCKED\"}");
		assertThat(entries.get(5).before()).isEqualTo("{\"name\":\"" + event.name() + "\"}");
		assertThat(entries.get(5).after()).isEqualTo("{\"name\":\"Renamed\"}");
		assertThat(entries.get(5).summary()).isEqualTo("Edited the name of " + event.name());
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.at()).isEqualTo(this.clock.instant()));
	}

	@Test
	void aBookingsHistoryTellsTheBuyersOwnCancellationFromTheBoxOfficesAndItsReason() {
		var admin = this.fixtures.admin();
		var event = this.fixtures.newEvent(1, 4);
		var buyer = this.fixtures.newUser();
		var own = this.fixtures.book(buyer, event, "A1", "A2");
		this.reservations.cancel(buyer, own);
		var forBuyer = this.reservations.reserve(buyer, new ReserveSeats(event.eventId(), List.of("A3")));
		this.reservations.cancelFor(admin, new CancelBookingFor(null, forBuyer.reference(), "Double booked"));

		assertThat(this.trail.entries(admin, AuditQuery.ofBooking(own)))
			.extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::username, AuditEntry::before,
					AuditEntry::after)
			.containsExactly(
					tuple(buyer.username(), "cancelBooking", buyer.username(),
							"{\"status\":\"CONFIRMED\",\"seats\":[\"A1\",\"A2\"]}", "{\"status\":\"CANCELLED\"}"),
					tuple(buyer.username(), "reserveSeats", buyer.username(), null,
							"{\"status\":\"CONFIRMED\",\"seats\":[\"A1\",\"A2\"]}"));
		var reference = forBuyer.reference().toLowerCase().substring(0, 4) + "-" + forBuyer.reference().substring(4);
		var history = this.trail.entries(admin, new AuditQuery(null, null, reference, null, null));
		assertThat(history).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::reference)
			.containsExactly(tuple("admin", "cancelBookingFor", forBuyer.reference()),
					tuple(buyer.username(), "reserveSeats", forBuyer.reference()));
		assertThat(history.get(0).after()).isEqualTo("{\"status\":\"CANCELLED\",\"reason\":\"Double booked\"}");
		assertThat(history.get(0).summary()).endsWith("for " + buyer.username() + ": Double booked");
	}

	@Test
	void accountActionsNameTheAdminAndTheAccount() {
		var admin = this.fixtures.admin();
		var user = this.fixtures.newUser();
		var token = this.sessions.login("admin", EngineTest.ADMIN_PASSWORD).token();
		this.sessions.login(user.username(), "password-" + user.username());
		this.administration.disable(admin, user.username().toUpperCase());
		this.administration.enable(admin, user.username());
		this.sessions.resetPassword(token, user.username(), "password-" + user.username());

		var entries = this.trail.entries(admin, new AuditQuery(null, null, null, user.username().toUpperCase(), null));
		assertThat(entries).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::username,
				AuditEntry::before, AuditEntry::after)
			.containsExactly(
					tuple("admin", "resetPassword", user.username(), null, "{\"sessionsEnded\":0}"),
					tuple("admin", "enableAccount", user.username(), "{\"disabled\":true}", "{\"disabled\":false}"),
					tuple("admin", "disableAccount", user.username(), "{\"disabled\":false}",
							"{\"disabled\":true,\"sessionsEnded\":2}"));
	}

	@Test
	void aRefusedActionWritesNoEntry() {
		var admin = this.fixtures.admin();
		var event = this.fixtures.newEvent(1, 4);
		var buyer = this.fixtures.newUser();
		var bookingId = this.fixtures.book(buyer, event, "A1");
		var before = entries();

		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.blocks.block(admin, new SeatSelection(event.eventId(), List.of("A2", "A1"))));
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> this.fixtures.book(this.fixtures.newUser(), event, "A1", "A3"));
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> this.blocks.unblock(admin, new SeatSelection(event.eventId(), List.of("A2"))));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.reservations.cancel(this.fixtures.newUser(), bookingId));
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.blocks.block(buyer, new SeatSelection(event.eventId(), List.of("A2"))));
		this.clock.advance(Duration.ofDays(2));
		try {
			assertThatExceptionOfType(Conflict.class)
				.isThrownBy(() -> this.reservations.cancelFor(admin, new CancelBookingFor(bookingId, null, "Late")));
		}
		finally {
			this.clock.advance(Duration.ofDays(-2));
		}
		assertThat(entries()).isEqualTo(before);
	}

	@Test
	void theEntryOfABookingWhoseSavepointRollsBackInAGroupCommitIsNotKept() throws Exception {
		var event = this.fixtures.newEvent(2, 10);
		var buyers = new ArrayList<io.seatline.engine.account.User>();
		for (int i = 0; i < 6; i++) {
			buyers.add(this.fixtures.newUser());
		}
		var rolledBack = new AtomicReference<String>();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(buyers.size());
		try {
			var calls = new ArrayList<Callable<String>>();
			for (int i = 0; i < buyers.size(); i++) {
				var buyer = buyers.get(i);
				var seat = "A" + (i + 1);
				var fails = (i == 2);
				calls.add(() -> {
					start.await();
					// a composition: the booking, then a step that refuses, in the same unit of the write path
					return this.allOrNothing.write(() -> {
						var booking = this.reservations.reserve(buyer, new ReserveSeats(event.eventId(), List.of(seat)));
						if (fails) {
							rolledBack.set(booking.bookingId());
							throw new Conflict("A later step of the composition refused");
						}
						return booking.bookingId();
					});
				});
			}
			var futures = new ArrayList<Future<String>>();
			calls.forEach((call) -> futures.add(pool.submit(call)));
			start.countDown();
			var kept = new ArrayList<String>();
			for (int i = 0; i < futures.size(); i++) {
				try {
					kept.add(futures.get(i).get(30, TimeUnit.SECONDS));
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(i).isEqualTo(2);
					assertThat(ex.getCause()).isInstanceOf(Conflict.class);
				}
			}
			assertThat(kept).hasSize(buyers.size() - 1);
			assertThat(rolledBack.get()).isNotNull();
			assertThat(this.jdbc.queryForObject("select count(*) from audit_entries where booking_id = ?",
					Integer.class, rolledBack.get()))
				.isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from bookings where id = ?", Integer.class,
					rolledBack.get()))
				.isZero();
			for (var bookingId : kept) {
				assertThat(this.jdbc.queryForObject(
						"select count(*) from audit_entries where booking_id = ? and action = 'reserveSeats'",
						Integer.class, bookingId))
					.isOne();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void readsFilterByEventBookingAndUserNewestFirstWithinTheLimitForAdminsOnly() {
		var admin = this.fixtures.admin();
		var event = this.fixtures.newEvent(1, 6);
		var other = this.fixtures.newEvent(1, 6);
		var buyer = this.fixtures.newUser();
		var first = this.fixtures.book(buyer, event, "A1");
		this.fixtures.book(buyer, other, "A1");
		this.fixtures.book(this.fixtures.newUser(), event, "A2");
		var last = this.fixtures.book(buyer, event, "A3");

		assertThat(this.trail.entries(admin, new AuditQuery(event.eventId(), null, null, buyer.username(), null)))
			.extracting(AuditEntry::bookingId)
			.containsExactly(last, first);
		assertThat(this.trail.entries(admin, new AuditQuery(event.eventId(), null, null, null, 2)))
			.extracting(AuditEntry::action)
			.containsExactly("reserveSeats", "reserveSeats");
		assertThat(this.trail.entries(admin, new AuditQuery(null, null, null, "nobody-at-all", null))).isEmpty();
		assertThat(this.trail.entries(admin, new AuditQuery(null, null, null, null, null))).hasSizeLessThanOrEqualTo(
				AuditTrail.DEFAULT_LIMIT);

		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> this.trail.entries(buyer, AuditQuery.ofEvent(event.eventId())));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.trail.export(buyer, AuditQuery.ofBooking(first)));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.trail.entries(admin, AuditQuery.ofEvent("no-such-event")));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.trail.entries(admin, AuditQuery.ofBooking("no-such-booking")));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.trail.entries(admin, new AuditQuery(null, null, "2222-2222", null, null)));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> new AuditQuery(null, null, null, null, 0))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("limit"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new AuditQuery(null, null, null, null, AuditTrail.MAX_LIMIT + 1));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new AuditQuery(null, null, "not a reference", null, null))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("reference"));
	}

	@Test
	void theCsvHasOneLinePerEntryNewestFirstWithItsStates() {
		var admin = this.fixtures.admin();
		var event = this.fixtures.newEvent(1, 4);
		this.catalog.updateEvent(admin, new UpdateEvent(event.eventId(), "Gala, late", null, null));
		var csv = this.trail.export(admin, AuditQuery.ofEvent(event.eventId()));
		var lines = csv.split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo(String.join(",", AuditTrail.HEADER));
		assertThat(lines[1]).isEqualTo(this.clock.instant() + ",admin,updateEvent," + event.eventId()
				+ ",,,,Edited the name of " + event.name() + ",\"{\"\"name\"\":\"\"" + event.name()
				+ "\"\"}\",\"{\"\"name\"\":\"\"Gala, late\"\"}\"");
		assertThat(lines[2]).startsWith(this.clock.instant() + ",admin,createEvent," + event.eventId() + ",,,,");
	}

	// every entry, oldest first, as text
	private List<String> entries() {
		return this.jdbc.queryForList("select id || ' ' || action from audit_entries order by id", String.class);
	}
}
