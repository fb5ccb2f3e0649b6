package io.seatline.engine.persistence;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The engine's data source: connections are fetched only when a statement needs one, from the write pool, or, for a
 * read-only transaction, from the read pool. On SQLite the read pool's connections are opened read-only and never
 * begin {@code IMMEDIATE}: in WAL mode they read a consistent snapshot while a writer works, and never wait for the
 * write lock. On PostgreSQL both are one pool. Connections that saw the database unavailable are discarded
 * ({@link BrokenConnections}).
 */
public final class SeatlineDataSource extends LazyConnectionDataSourceProxy implements Closeable {

	/** The email worker's threads, its poller and its heartbeat. */
	private static final int JOB_CONNECTIONS = 10;

	/** How long a request waits for a pooled connection before it is answered busy. */
	private static final Duration CONNECTION_WAIT = Duration.ofSeconds(10);

	private final HikariDataSource writes;

	private final HikariDataSource reads;

	private final HikariDataSource jobs;

	private final SQLiteDataSource readOnlyFile;

	private SeatlineDataSource(HikariDataSource writes, HikariDataSource reads, HikariDataSource jobs,
			SQLiteDataSource readOnlyFile) {
		super(writes);
		this.writes = writes;
		this.reads = reads;
		this.jobs = jobs;
		this.readOnlyFile = readOnlyFile;
		if (reads != null) {
			setReadOnlyDataSource(reads);
		}
		// known up front, so that building this proxy opens no connection (the database may be unavailable at start)
		setDefaultAutoCommit(true);
		setDefaultTransactionIsolation((reads != null) ? Connection.TRANSACTION_SERIALIZABLE
				: Connection.TRANSACTION_READ_COMMITTED);
	}

	/** Opens the pools for a database URL; nothing connects until the first statement. */
	public static SeatlineDataSource open(DatabaseUrl url) {
		url.prepare();
		if (!url.isSqlite()) {
			var jobs = pool("seatline-jobs", url.jdbcUrl());
			// see jobs(): the scheduler's bookkeeping commits without waiting for the standby or the disk
			jobs.setConnectionInitSql("set synchronous_commit = off");
			jobs.setMaximumPoolSize(JOB_CONNECTIONS);
		jobs.setMinimumIdle(2);
			return new SeatlineDataSource(pool("seatline-writes", url.jdbcUrl()), null, jobs, null);
		}
		var writes = pool("seatline-writes", null);
		writes.setDataSource(new PromptRetries(url.jdbcUrl(), url.busyTimeoutMillis()));
		// one writer thread holds a connection per batch; a few stragglers (a start-up migration, a test) need the rest
		writes.setMaximumPoolSize(4);
		var jobs = pool("seatline-jobs", null);
		jobs.setDataSource(new PromptRetries(url.jobsJdbcUrl(), url.busyTimeoutMillis()));
		jobs.setMaximumPoolSize(JOB_CONNECTIONS);
		jobs.setMinimumIdle(2);
		var config = new SQLiteConfig(DatabaseUrl.sqliteProperties(url.readOnlyJdbcUrl()));
		config.setReadOnly(true);
		var sqlite = new KeptReads(config, url.readOnlyJdbcUrl());
		var reads = pool("seatline-reads", null);
		reads.setDataSource(sqlite);
		// the pool sets its read-only flag on each new connection; sqlite-jdbc accepts only the one it opened with
		reads.setReadOnly(true);
		reads.setMaximumPoolSize(8);
		return new SeatlineDataSource(writes, reads, jobs, sqlite);
	}

	/**
	 * Connections for the job scheduler's bookkeeping (which worker took a job, that it finished): commits that do not
	 * wait for the disk ({@code synchronous=NORMAL} on SQLite, {@code synchronous_commit=off} on PostgreSQL). Losing the
	 * last of them in a power loss makes a job run again, never corrupts the database; what a job did is recorded by
	 * the engine's own durable writes, and a job that finds its work done does nothing. Scheduling a job is not
	 * bookkeeping: it commits with the write that wants it.
	 */
	public DataSource jobs() {
		return this.jobs;
	}

	/**
	 * Where job bookkeeping goes for a data source: the engine's {@link #jobs()} pool, or an embedding application's
	 * own data source as it is.
	 */
	public static DataSource bookkeeping(DataSource dataSource) {
		return (dataSource instanceof SeatlineDataSource pools) ? pools.jobs() : dataSource;
	}

	private static HikariDataSource pool(String name, String jdbcUrl) {
		var pool = new HikariDataSource();
		pool.setPoolName(name);
		if (jdbcUrl != null) {
			pool.setJdbcUrl(jdbcUrl);
		}
		pool.setConnectionTimeout(CONNECTION_WAIT.toMillis());
		// a pool that cannot connect at start still starts; requests are answered busy until the database is back
		pool.setInitializationFailTimeout(-1);
		pool.setExceptionOverride(new BrokenConnections());
		return pool;
	}

	/**
	 * Retires every write connection not in use now (those in use, when they come back): after a failure that a
	 * connection carries from its opening, such as SQLite opening a file read-only while its folder was read-only.
	 */
	public void retireWriteConnections() {
		for (var pool : new HikariDataSource[] { this.writes, this.jobs }) {
			var connections = pool.getHikariPoolMXBean();
			if (connections != null) {
				connections.softEvictConnections();
			}
		}
	}

	/**
	 * A new read-only connection to the SQLite file, outside the pools, for its caller to keep and close; see
	 * {@link DatabaseChanges}. On PostgreSQL it is an {@link IllegalStateException}.
	 */
	Connection openReadOnly() throws SQLException {
		if (this.readOnlyFile == null) {
			throw new IllegalStateException("Only a SQLite database has read-only connections of its own");
		}
		return this.readOnlyFile.getConnection();
	}

	/**
	 * Connections for a read of one statement outside any transaction, in auto-commit (a session lookup): the read
	 * pool on SQLite, the pool on PostgreSQL. A statement in auto-commit reads one consistent view by itself, with no
	 * transaction to begin and end around it.
	 */
	public DataSource singleReads() {
		return (this.reads != null) ? this.reads : this.writes;
	}

	/** True when reads have a pool of their own (SQLite). */
	public boolean hasReadPool() {
		return this.reads != null;
	}

	@Override
	public void close() {
		if (this.reads != null) {
			this.reads.close();
		}
		this.jobs.close();
		this.writes.close();
	}

	/** Read-only SQLite connections that keep their prepared statements (see {@link StatementCache}). */
	private static final class KeptReads extends SQLiteDataSource {

		KeptReads(SQLiteConfig config, String url) {
			super(config);
			setUrl(url);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return StatementCache.of(getConnection(null, null));
		}
	}
}
