package io.seatline.engine.booking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.catalog.SeatStatus;
import io.seatline.engine.error.Conflict;
import io.seatline.testapp.PostgresEngineTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The race on a real PostgreSQL server, and what only PostgreSQL's row locks can do wrong: deadlocks between claims
 * that lock seats in different orders, and two cancellations of one booking at once.
 */
@PostgresEngineTest
class ConcurrentReservationsOnPostgresTests extends ConcurrentReservationsTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void aCommittedBookingIsAnnouncedToEveryListeningProcess() throws Exception {
		var event = this.fixtures.newEvent(1, 2);
		try (var listener = DriverManager.getConnection(this.database.jdbcUrl())) {
			listener.createStatement().execute("LISTEN " + SeatInventory.CHANGES_CHANNEL);
			this.reservations.reserve(this.fixtures.newUser(), new ReserveSeats(event.eventId(), List.of("A1")));
			var heard = new ArrayList<String>();
			var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!heard.contains(event.eventId()) && System.nanoTime() < deadline) {
				var received = listener.unwrap(PGConnection.class).getNotifications(200);
				if (received != null) {
					for (var notification : received) {
						heard.add(notification.getParameter());
					}
				}
			}
			assertThat(heard).contains(event.eventId());
		}
	}

	@Test
	void aChangeAnnouncedByAnotherProcessReachesThisOneAsSeatsChanged() throws Exception {
		var announced = new LinkedBlockingQueue<String>();
		this.context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) (published) -> {
			if (published.getPayload() instanceof SeatsChanged changed) {
				announced.add(changed.eventId());
			}
		});
		// another runner's commit, as its SeatInventory sends it
		try (var other = DriverManager.getConnection(this.database.jdbcUrl())) {
			other.createStatement().execute("select pg_notify('" + SeatInventory.CHANGES_CHANNEL + "', 'elsewhere')");
		}
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String heard = null;
		while (!"elsewhere".equals(heard) && System.nanoTime() < deadline) {
			heard = announced.poll(200, TimeUnit.MILLISECONDS);
		}
		assertThat(heard).isEqualTo("elsewhere");
	}

	@Test
	void aClaimLocksItsSeatsInLabelOrderWhateverTheOrderOfTheRowsOnDisk() throws Exception {
		var event = this.fixtures.newEvent(1, 3);
		var user = this.fixtures.newUser();
		// a committed update writes a new version of A1's row after A3's: a plain UPDATE that scans the table meets
		// A2, A3, A1 in this order, another scanning an older snapshot A1, A2, A3, and two such scans can deadlock
		this.jdbc.update("update event_seats set position = position where event_id = ? and label = 'A1'",
				event.eventId());
		// with statistics that show a small table the planner reads it in that order rather than by the index
		this.jdbc.execute("analyze event_seats");
		try (var holder = connection(); var probe = connection()) {
			lock(holder, event.eventId(), "A2");
			var booking = Executors.newSingleThreadExecutor().submit(
					() -> this.reservations.reserve(user,
							new ReserveSeats(event.eventId(), List.of("A3", "A2", "A1"))));
			awaitLockWaiters(1);
			// the claim holds A1, the first label, and waits for A2 before it touches A3
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> lockNow(probe, event.eventId(), "A1"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("55P03"));
			probe.rollback();
			lockNow(probe, event.eventId(), "A3");
			probe.rollback();
			holder.rollback();
			assertThat(booking.get(30, TimeUnit.SECONDS).seats()).containsExactly("A1", "A2", "A3");
		}
	}

	@Test
	void twoCancellationsOfOneBookingAtOnceCancelItOnceAndRefuseTheOther() throws Exception {
		var event = this.fixtures.newEvent(1, 4);
		var user = this.fixtures.newUser();
		var bookingId = this.fixtures.book(user, event, "A1", "A2", "A3");
		var pool = Executors.newFixedThreadPool(2);
		try (var holder = connection()) {
			holder.createStatement().execute("select id from bookings where id = '" + bookingId + "' for update");
			var first = pool.submit(() -> this.reservations.cancel(user, bookingId));
			var second = pool.submit(() -> this.reservations.cancel(user, bookingId));
			// the writer waits for the booking's row; the other cancellation waits behind it
			awaitLockWaiters(1);
			holder.rollback();
			var outcomes = new ArrayList<Object>();
			for (var cancel : List.of(first, second)) {
				try {
					outcomes.add(cancel.get(30, TimeUnit.SECONDS).status());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					outcomes.add(ex.getCause());
				}
			}
			assertThat(outcomes).filteredOn(BookingStatus.CANCELLED::equals).hasSize(1);
			assertThat(outcomes).filteredOn(Conflict.class::isInstance).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.catalog.seatMap(event.eventId()).seats())
			.allSatisfy((seat) -> assertThat(seat.status()).isEqualTo(SeatStatus.AVAILABLE));
	}

	private Connection connection() throws SQLException {
		var connection = DriverManager.getConnection(this.database.jdbcUrl());
		connection.setAutoCommit(false);
		return connection;
	}

	private static void lock(Connection connection, String eventId, String label) throws SQLException {
		try (var statement = connection.prepareStatement(
				"select id from event_seats where event_id = ? and label = ? for update")) {
			statement.setString(1, eventId);
			statement.setString(2, label);
			statement.executeQuery().close();
		}
	}

	private static void lockNow(Connection connection, String eventId, String label) throws SQLException {
		try (var statement = connection.prepareStatement(
				"select id from event_seats where event_id = ? and label = ? for update nowait")) {
			statement.setString(1, eventId);
			statement.setString(2, label);
			statement.executeQuery().close();
		}
	}

	/** Waits until this many sessions of the test database wait for a lock. */
	private void awaitLockWaiters(int count) throws InterruptedException {
		var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (waitingForLocks() < count) {
			assertThat(System.nanoTime()).as("waited 15 s for %d lock waiters", count).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private int waitingForLocks() {
		return this.jdbc.queryForObject("select count(*) from pg_stat_activity "
				+ "where datname = current_database() and wait_event_type = 'Lock'", Integer.class);
	}
}
