package io.seatline.engine.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The write connections' kept statements, on a real SQLite file. */
class StatementCacheTests {

	@TempDir
	Path folder;

	private PromptRetries connections;

	@BeforeEach
	void createTable() throws SQLException {
		var url = new DatabaseUrl("jdbc:sqlite:" + this.folder.resolve("cache.db"));
		this.connections = new PromptRetries(url.jdbcUrl(), 2000);
		try (var connection = this.connections.getConnection(); var statement = connection.createStatement()) {
			statement.execute("create table seats (label text primary key, status text not null)");
			statement.execute("insert into seats values ('A1', 'AVAILABLE'), ('A2', 'AVAILABLE'), ('A3', 'SOLD')");
		}
	}

	@Test
	void theSameSqlIsPreparedOnceAndEachUseStartsWithoutTheLastOnesParameters() throws SQLException {
		try (var connection = this.connections.getConnection()) {
			var sql = "update seats set status = 'SOLD' where label = ? and status = 'AVAILABLE'";
			PreparedStatement first;
			try (var statement = connection.prepareStatement(sql)) {
				first = statement.unwrap(PreparedStatement.class);
				statement.setString(1, "A1");
				assertThat(statement.executeUpdate()).isEqualTo(1);
			}
			try (var statement = connection.prepareStatement(sql)) {
				assertThat(statement.unwrap(PreparedStatement.class)).isSameAs(first);
				statement.setString(1, "A1");
				assertThat(statement.executeUpdate()).isZero();
				statement.setString(1, "A2");
				assertThat(statement.executeUpdate()).isEqualTo(1);
			}
			assertThat(first.isClosed()).isFalse();
		}
	}

	@Test
	void aStatementInUseIsNotHandedToASecondUserOfTheSameSql() throws SQLException {
		try (var connection = this.connections.getConnection()) {
			var sql = "select label from seats where status = ? order by label";
			var labels = new ArrayList<String>();
			try (var outer = connection.prepareStatement(sql)) {
				outer.setString(1, "AVAILABLE");
				try (var rows = outer.executeQuery()) {
					while (rows.next()) {
						labels.add(rows.getString(1));
						try (var inner = connection.prepareStatement(sql)) {
							assertThat(inner.unwrap(PreparedStatement.class))
								.isNotSameAs(outer.unwrap(PreparedStatement.class));
							inner.setString(1, "SOLD");
							try (var sold = inner.executeQuery()) {
								assertThat(sold.next()).isTrue();
								assertThat(sold.getString(1)).isEqualTo("A3");
							}
						}
					}
				}
			}
			assertThat(labels).containsExactly("A1", "A2");
		}
	}

	@Test
	void aKeptStatementWhoseRowsWereLeftUnreadHoldsNoReadOfTheDatabase() throws SQLException {
		try (var reader = this.connections.getConnection(); var writer = this.connections.getConnection()) {
			var statement = reader.prepareStatement("select label from seats order by label");
			var rows = statement.executeQuery();
			assertThat(rows.next()).isTrue();
			// closed with its rows half read: SQLite would otherwise keep the read open, and the WAL could never be
			// checkpointed past it
			statement.close();
			try (var write = writer.createStatement()) {
				write.executeUpdate("update seats set status = 'SOLD' where label = 'A2'");
				try (var checkpoint = write.executeQuery("pragma wal_checkpoint(TRUNCATE)")) {
					assertThat(checkpoint.next()).isTrue();
					assertThat(checkpoint.getInt(1)).as("busy: a reader held the WAL").isZero();
				}
			}
		}
	}

	@Test
	void closingTheConnectionClosesItsKeptStatements() throws SQLException {
		PreparedStatement kept;
		try (Connection connection = this.connections.getConnection()) {
			try (var statement = connection.prepareStatement("select count(*) from seats")) {
				kept = statement.unwrap(PreparedStatement.class);
			}
			assertThat(kept.isClosed()).isFalse();
		}
		assertThat(kept.isClosed()).isTrue();
	}
}
