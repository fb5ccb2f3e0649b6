package io.seatline.engine.persistence;

import java.sql.SQLException;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Spring knows no SQLite error codes, so a broken constraint would surface as an uncategorised exception. This maps
 * SQLite's result codes to Spring's exceptions: constraints to {@link DataIntegrityViolationException} (unique ones to
 * {@link DuplicateKeyException}), a database that stayed busy past the timeout to {@link CannotAcquireLockException}.
 */
public class SqliteExceptionTranslator implements SQLExceptionTranslator {

	private static final int SQLITE_BUSY = 5;

	private static final int SQLITE_LOCKED = 6;

	private static final int SQLITE_CONSTRAINT = 19;

	private final SQLExceptionTranslator fallback = new SQLExceptionSubclassTranslator();

	@Override
	public DataAccessException translate(String task, String sql, SQLException ex) {
		var message = task + "; " + ((sql != null) ? "SQL [" + sql + "]; " : "") + ex.getMessage();
		switch (ex.getErrorCode() & 0xff) {
			case SQLITE_CONSTRAINT -> {
				var text = String.valueOf(ex.getMessage());
				if (text.contains("UNIQUE") || text.contains("PRIMARYKEY")) {
					return new DuplicateKeyException(message, ex);
				}
				return new DataIntegrityViolationException(message, ex);
			}
			case SQLITE_BUSY, SQLITE_LOCKED -> {
				return new CannotAcquireLockException(message, ex);
			}
			default -> {
				return this.fallback.translate(task, sql, ex);
			}
		}
	}
}
