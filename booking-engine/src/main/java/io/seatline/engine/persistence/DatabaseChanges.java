package io.seatline.engine.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells whether anything was committed to the database since an earlier look, without reading a table, so that what
 * is built from the database can be kept while nothing changed. On SQLite it is {@code PRAGMA data_version} on a
 * read-only connection of its own, which never writes: the number grows whenever any other connection commits, this
 * process's writer or another process. Each look is a read that ends at once: the connection holds no snapshot of
 * the file between looks, which would keep checkpoints from emptying the write-ahead log. PostgreSQL has no such
 * number: there {@link #current()} is empty, and callers keep nothing.
 */
@Component
public class DatabaseChanges implements DisposableBean {

	private final SeatlineDataSource sqlite;

	private Connection connection;

	private PreparedStatement look;

	DatabaseChanges(DataSource dataSource) {
		this.sqlite = (dataSource instanceof SeatlineDataSource pools && pools.hasReadPool()) ? pools : null;
	}

	/**
	 * A number that is the same in two looks only when nothing was committed in between, and grows otherwise; empty
	 * when the database has none or cannot be read now.
	 */
	public synchronized OptionalLong current() {
		if (this.sqlite == null) {
			return OptionalLong.empty();
		}
		try {
			if (this.look == null) {
				this.connection = this.sqlite.openReadOnly();
				this.look = this.connection.prepareStatement("pragma data_version");
			}
			long version = -1;
			try (var rows = this.look.executeQuery()) {
				// read to the end: the statement is done, and its read of the file with it
				while (rows.next()) {
					version = rows.getLong(1);
				}
			}
			return (version >= 0) ? OptionalLong.of(version) : OptionalLong.empty();
		}
		catch (SQLException ex) {
			// the file cannot be read now (locked, gone, broken): nothing is known; the next look opens a new connection
			close();
			return OptionalLong.empty();
		}
	}

	@Override
	public synchronized void destroy() {
		close();
	}

	private void close() {
		try {
			if (this.connection != null) {
				this.connection.close();
			}
		}
		catch (SQLException ex) {
			// a connection that failed is given up either way
		}
		this.connection = null;
		this.look = null;
	}
}
