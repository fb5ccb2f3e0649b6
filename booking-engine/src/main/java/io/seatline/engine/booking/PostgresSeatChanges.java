package io.seatline.engine.booking;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.seatline.engine.catalog.SeatInventory;
import io.seatline.engine.persistence.DatabaseUrl;

/**
 * On PostgreSQL, hears the seat changes of every process on the database ({@code LISTEN}; each change is a
 * {@code NOTIFY} sent at its commit) and announces them as {@link SeatsChanged}, so that pages open on any runner
 * see a change made by any runner at once. Holds one connection of its own, outside the pools; reconnects when it is
 * lost. Does nothing on SQLite, where other processes' changes are found by their seat version.
 */
@Component
class PostgresSeatChanges implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PostgresSeatChanges.class);

	private static final Duration RECONNECT = Duration.ofSeconds(2);

	private final DatabaseUrl database;

	private final ApplicationEventPublisher publisher;

	private volatile Thread listener;

	PostgresSeatChanges(DatabaseUrl database, ApplicationEventPublisher publisher) {
		this.database = database;
		this.publisher = publisher;
	}

	@Override
	public void start() {
		if (this.database.isSqlite()) {
			return;
		}
		var thread = new Thread(this::listen, "seatline-seat-changes");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	private void listen() {
		while (this.listener == Thread.currentThread()) {
			try (var connection = DriverManager.getConnection(this.database.jdbcUrl());
					var statement = connection.createStatement()) {
				statement.execute("LISTEN " + SeatInventory.CHANGES_CHANNEL);
				var notifications = connection.unwrap(PGConnection.class);
				while (this.listener == Thread.currentThread()) {
					var received = notifications.getNotifications(500);
					if (received != null) {
						for (var notification : received) {
							this.publisher.publishEvent(new SeatsChanged(notification.getParameter()));
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.listener == Thread.currentThread()) {
					logger.warn("Lost the seat change notifications; listening again in " + RECONNECT.toSeconds()
							+ " s: " + ex.getMessage());
					sleep();
				}
			}
		}
	}

	private void sleep() {
		try {
			Thread.sleep(RECONNECT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		var running = this.listener;
		this.listener = null;
		if (running != null) {
			running.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.listener != null;
	}
}
