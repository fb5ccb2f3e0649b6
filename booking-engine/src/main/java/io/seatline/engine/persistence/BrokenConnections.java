package io.seatline.engine.persistence;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to discard a connection that saw an unavailable database (a failed {@code BEGIN},
 * commit or rollback, a lock past its timeout, an I/O or full-disk error), so no later request inherits its state.
 * sqlite-jdbc, for one, turns auto-commit off before {@code BEGIN IMMEDIATE} succeeds: reused after a failed begin,
 * such a connection would commit every statement on its own.
 */
public final class BrokenConnections implements SQLExceptionOverride {

	@java.lang.Override
	public Override adjudicate(SQLException ex) {
		return DatabaseFailures.isUnavailable(ex) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
	}
}
