package io.seatline.engine.jobs;

import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.TaskResolver.UnresolvedTask;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Execution;

/**
 * db-scheduler on SQLite picks every due job it takes in one {@code UPDATE ... RETURNING}: one write transaction per
 * poll instead of one per email. On SQLite each write transaction queues for the one write lock that bookings need,
 * so picking emails one by one cost the writer a lock hand-over per email. No {@code SKIP LOCKED} is needed: SQLite
 * runs one writer at a time, so two workers never pick the same row (the second finds it picked).
 */
final class SqliteLockAndFetch extends SqliteJdbcCustomization {

	@Override
	public boolean supportsSingleStatementLockAndFetch() {
		return true;
	}

	@Override
	public List<Execution> lockAndFetchSingleStatement(JdbcTaskRepositoryContext ctx, Instant now, int limit,
			boolean orderByPriority) {
		List<UnresolvedTask> unresolved = ctx.taskResolver.getUnresolved();
		var skipUnresolved = unresolved.isEmpty() ? ""
				: " and task_name not in (" + String.join(", ", unresolved.stream().map((task) -> "?").toList()) + ")";
		var order = orderByPriority ? " order by priority desc, execution_time asc" : " order by execution_time asc";
		var pick = "update " + ctx.tableName + " set picked = ?, picked_by = ?, last_heartbeat = ?, version = version + 1"
				+ " where (task_name, task_instance) in (select task_name, task_instance from " + ctx.tableName
				+ " where picked = ? and execution_time <= ?" + skipUnresolved + order + " limit ?) returning *";
		return ctx.jdbcRunner.query(pick, (statement) -> {
			statement.setBoolean(1, true);
			statement.setString(2, truncated(ctx.schedulerName.getName()));
			setInstant(statement, 3, now);
			statement.setBoolean(4, false);
			setInstant(statement, 5, now);
			var index = 6;
			for (var task : unresolved) {
				statement.setString(index++, task.getTaskName());
			}
			statement.setInt(index, limit);
		}, ctx.resultSetMapper.get());
	}

	// picked_by is VARCHAR(50), as db-scheduler's own customizations keep it
	private static String truncated(String name) {
		return (name.length() > 50) ? name.substring(0, 50) : name;
	}
}
