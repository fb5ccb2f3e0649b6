package io.seatline.engine.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.seatline.engine.error.Busy;
import io.seatline.engine.error.SeatlineException;

/**
 * The one write path: every write of this process runs on one writer thread, which drains the requests waiting for
 * it into one transaction, each in a savepoint of its own, and commits them together (group commit). A request's
 * refusal rolls back its savepoint and nothing else; its caller hears the outcome only after the shared commit is
 * durable. If the transaction cannot begin or commit (the database is locked past its timeout, the disk is full, the
 * file is read-only), every request of it is answered busy and nothing of it is kept. A request that fails in a way
 * another try alone may avoid (a deadlock on PostgreSQL), or that leaves the transaction unusable, is run again in a
 * transaction of its own.
 */
@Component
public class WritePath implements DisposableBean {

	private static final Log logger = LogFactory.getLog(WritePath.class);

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	private final EntityManagerFactory entityManagers;

	private final TransactionSettings settings;

	// SQLite keeps a savepoint's undo pages until it is released; PostgreSQL keeps next to nothing, and a release is
	// one round trip to the server per request (see runInSavepoint)
	private final boolean releaseSavepoints;

	private final BlockingQueue<Unit<?>> waiting = new LinkedBlockingQueue<>();

	private final Thread writer;

	private volatile boolean stopping;

	private final AtomicLong transactionsCommitted = new AtomicLong();

	private final AtomicLong writesCommitted = new AtomicLong();

	WritePath(PlatformTransactionManager transactionManager, DataSource dataSource,
			EntityManagerFactory entityManagers, TransactionSettings settings, DatabaseUrl database) {
		this.releaseSavepoints = database.isSqlite();
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setTimeout((int) Math.max(1, settings.writeTimeout().toSeconds()));
		this.dataSource = dataSource;
		this.entityManagers = entityManagers;
		this.settings = settings;
		this.writer = new Thread(this::drain, "seatline-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Runs the work as one all-or-nothing write and returns its result once it is durable, or throws its refusal.
	 * Work that is already inside a transaction (a step of a composition, a write inside a write) joins it.
	 */
	public <T> T write(Supplier<T> work) {
		if (isWriterThread() || TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		if (this.stopping) {
			throw DatabaseFailures.busy();
		}
		var unit = new Unit<>(work);
		this.waiting.add(unit);
		return unit.await(this.settings.maxWait());
	}

	/**
	 * Runs the work as a write of its own, even when the caller is inside a transaction, and returns once it is
	 * durable: no rollback of the caller's transaction can undo it (a login attempt is counted this way). The caller
	 * must not hold the database's write lock; on the writer thread, whose transaction the caller is part of, it is
	 * an {@link IllegalStateException} (see {@link #isWriterThread()}).
	 */
	public <T> T writeApart(Supplier<T> work) {
		if (isWriterThread()) {
			throw new IllegalStateException("A write apart cannot run inside the writer's own transaction");
		}
		if (this.stopping) {
			throw DatabaseFailures.busy();
		}
		var unit = new Unit<>(work);
		this.waiting.add(unit);
		return unit.await(this.settings.maxWait());
	}

	/**
	 * Runs the work inside the current write, in a savepoint of its own: should it be refused (any
	 * {@link SeatlineException} but {@link Busy}), only its own changes and its after-commit wishes are undone, the
	 * refusal is thrown, and the write goes on (to record the refusal, say). Any other failure is thrown as it is, for
	 * the write path to handle as it handles every failure of a write. Outside a transaction it is an
	 * {@link IllegalStateException}.
	 */
	public <T> T attempt(Supplier<T> work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An attempt runs inside a write");
		}
		var mark = mark();
		T result;
		try {
			result = work.get();
			mark.flush(false);
		}
		catch (SeatlineException refusal) {
			if (!(refusal instanceof Busy)) {
				mark.undo();
			}
			throw refusal;
		}
		try {
			mark.release();
		}
		catch (SQLException ex) {
			throw new BrokenBatch(ex);
		}
		return result;
	}

	/** {@link #write(Supplier)} for work without a result. */
	public void run(Runnable work) {
		write(() -> {
			work.run();
			return null;
		});
	}

	/** How many transactions the writer committed, and how many requests they carried, since start. */
	public CommitCounts commitCounts() {
		return new CommitCounts(this.transactionsCommitted.get(), this.writesCommitted.get());
	}

	/** Commits and the requests they carried: more requests than commits means commits were shared. */
	public record CommitCounts(long transactions, long requests) {
	}

	/** True on the writer thread, where writes run. */
	public boolean isWriterThread() {
		return Thread.currentThread() == this.writer;
	}

	private void drain() {
		while (!this.stopping || !this.waiting.isEmpty()) {
			Unit<?> first;
			try {
				first = this.waiting.poll(200, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				continue;
			}
			if (first == null) {
				continue;
			}
			var batch = new ArrayList<Unit<?>>();
			batch.add(first);
			this.waiting.drainTo(batch, this.settings.maxBatch() - 1);
			try {
				run(batch, false);
			}
			catch (Throwable ex) {
				logger.error("The writer failed a batch of " + batch.size() + " writes", ex);
				batch.forEach((unit) -> unit.finishIfOpen(DatabaseFailures.busy()));
			}
		}
	}

	/** Runs units in one transaction; {@code again} for a unit that already ran in a batch and now runs alone. */
	private void run(List<Unit<?>> batch, boolean again) {
		var ran = new ArrayList<Unit<?>>();
		var aloneAfter = new ArrayList<Unit<?>>();
		boolean doomed;
		try {
			doomed = Boolean.TRUE.equals(this.transactions.execute((status) -> {
				for (var unit : batch) {
					if (!again && !unit.take()) {
						// its caller stopped waiting before it started
						continue;
					}
					ran.add(unit);
					if (runInSavepoint(unit) == Outcome.RUN_ALONE && !again) {
						aloneAfter.add(unit);
					}
					if (status.isRollbackOnly()) {
						// the unit left the transaction unusable (the JPA provider marked it): none of it is kept
						status.setRollbackOnly();
						return true;
					}
				}
				return false;
			}));
		}
		catch (RuntimeException ex) {
			var failure = (ex instanceof BrokenBatch broken) ? broken.cause : ex;
			if (!again && DatabaseFailures.isReadOnlyConnection(failure)
					&& this.dataSource instanceof SeatlineDataSource pools) {
				// SQLite opens a file read-only, silently, while it cannot write it: such a connection stays read-only
				// after the file is writable again. Fresh connections tell whether it is.
				pools.retireWriteConnections();
				runEachAlone(batch);
				return;
			}
			if (!again && !DatabaseFailures.isUnavailable(failure)) {
				logger.warn("A batch of " + batch.size() + " writes failed; running each alone", failure);
				runEachAlone(batch);
				return;
			}
			var answer = DatabaseFailures.translate(failure);
			if (answer == failure) {
				logger.error("A write failed", failure);
			}
			batch.forEach((unit) -> unit.failUnlessRefused(answer));
			return;
		}
		if (doomed) {
			if (again) {
				batch.forEach((unit) -> unit.failUnlessRefused(DatabaseFailures.busy()));
			}
			else {
				runEachAlone(batch);
			}
			return;
		}
		ran.removeAll(aloneAfter);
		this.transactionsCommitted.incrementAndGet();
		this.writesCommitted.addAndGet(ran.size());
		ran.forEach(Unit::finish);
		runEachAlone(aloneAfter);
	}

	private void runEachAlone(List<Unit<?>> units) {
		for (var unit : units) {
			if (unit.take() || unit.isTaken()) {
				run(List.of(unit), true);
			}
		}
	}

	private Outcome runInSavepoint(Unit<?> unit) {
		// on SQLite the first statement of a batch is where it begins, and takes the write lock
		var mark = mark();
		try {
			unit.run();
			mark.flush(true);
			if (this.releaseSavepoints) {
				mark.release();
			}
			// else the next request's savepoint nests in this one: going back to it undoes that request only, and
			// the commit keeps them all
			return Outcome.DONE;
		}
		catch (RuntimeException | SQLException ex) {
			unit.failed(ex);
			if (DatabaseFailures.isUnavailable(ex) && !DatabaseFailures.isWorthRetryingAlone(ex)) {
				// a lock, I/O or disk failure: the transaction cannot be trusted, not only this unit's part
				throw new BrokenBatch(ex);
			}
			mark.undo();
			return DatabaseFailures.isWorthRetryingAlone(ex) ? Outcome.RUN_ALONE : Outcome.DONE;
		}
	}

	/** A savepoint of the current transaction, with what is needed to go back to it. */
	private Mark mark() {
		var connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return new Mark(connection, connection.setSavepoint(),
					TransactionSynchronizationManager.getSynchronizations(),
					EntityManagerFactoryUtils.getTransactionalEntityManager(this.entityManagers));
		}
		catch (SQLException ex) {
			throw new BrokenBatch(ex);
		}
	}

	/** Where a unit (or an attempt in one) began: its savepoint, the wishes registered before it, the JPA context. */
	private record Mark(Connection connection, Savepoint savepoint, List<TransactionSynchronization> before,
			EntityManager entityManager) {

		/** Writes what the work left in the persistence context; {@code clear} forgets it then. */
		void flush(boolean clear) {
			// a unit that wrote with plain statements leaves the persistence context empty: nothing to flush or forget
			if (this.entityManager != null && holdsEntities(this.entityManager)) {
				this.entityManager.flush();
				if (clear) {
					this.entityManager.clear();
				}
			}
		}

		void release() throws SQLException {
			this.connection.releaseSavepoint(this.savepoint);
		}

		void undo() {
			if (this.entityManager != null) {
				this.entityManager.clear();
			}
			try {
				this.connection.rollback(this.savepoint);
			}
			catch (SQLException ex) {
				throw new BrokenBatch(ex);
			}
			// what the work asked to happen after the commit (announcements, email nudges) is not its to ask any more
			var now = TransactionSynchronizationManager.getSynchronizations();
			if (now.size() != this.before.size()) {
				TransactionSynchronizationManager.clearSynchronization();
				TransactionSynchronizationManager.initSynchronization();
				this.before.forEach(TransactionSynchronizationManager::registerSynchronization);
			}
		}

		private static boolean holdsEntities(EntityManager entityManager) {
			return entityManager.unwrap(SharedSessionContractImplementor.class)
				.getPersistenceContextInternal()
				.getNumberOfManagedEntities() > 0;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.writer.join(this.settings.writeTimeout().toMillis() + 1000);
		Unit<?> left;
		while ((left = this.waiting.poll()) != null) {
			left.finishIfOpen(DatabaseFailures.busy());
		}
	}

	private static RuntimeException asRuntime(Exception ex) {
		return (ex instanceof RuntimeException runtime) ? runtime
				: new UncategorizedSQLException("write", null, (SQLException) ex);
	}

	private enum Outcome {
		DONE, RUN_ALONE
	}

	/** A failure that ends the whole transaction, not only one unit's savepoint. */
	private static final class BrokenBatch extends RuntimeException {

		private final RuntimeException cause;

		BrokenBatch(Exception cause) {
			super(cause.getMessage(), cause, false, false);
			this.cause = asRuntime(cause);
		}
	}

	/** One request waiting for the writer, and its outcome once the writer has one. */
	private static final class Unit<T> {

		private static final int QUEUED = 0;

		private static final int TAKEN = 1;

		private static final int ABANDONED = 2;

		private final Supplier<T> work;

		private final AtomicInteger state = new AtomicInteger(QUEUED);

		private final CountDownLatch finished = new CountDownLatch(1);

		private T result;

		private RuntimeException failure;

		Unit(Supplier<T> work) {
			this.work = work;
		}

		boolean take() {
			return this.state.compareAndSet(QUEUED, TAKEN);
		}

		boolean isTaken() {
			return this.state.get() == TAKEN && this.finished.getCount() > 0;
		}

		void run() {
			this.result = null;
			this.failure = null;
			this.result = this.work.get();
		}

		void failed(Exception ex) {
			this.failure = asRuntime(ex);
			this.result = null;
		}

		/** Its outcome stands: the transaction it ran in committed (or it was refused and changed nothing). */
		void finish() {
			this.finished.countDown();
		}

		/** The transaction failed: a success is lost, so it becomes the failure; a refusal stays a refusal. */
		void failUnlessRefused(RuntimeException answer) {
			this.state.compareAndSet(QUEUED, TAKEN);
			if (this.failure == null || !(this.failure instanceof SeatlineException)) {
				this.failure = answer;
				this.result = null;
			}
			this.finished.countDown();
		}

		void finishIfOpen(RuntimeException answer) {
			if (this.finished.getCount() > 0) {
				failUnlessRefused(answer);
			}
		}

		T await(Duration maxWait) {
			var interrupted = false;
			try {
				if (!this.finished.await(maxWait.toMillis(), TimeUnit.MILLISECONDS)
						&& this.state.compareAndSet(QUEUED, ABANDONED)) {
					throw DatabaseFailures.busy();
				}
			}
			catch (InterruptedException ex) {
				interrupted = true;
				if (this.state.compareAndSet(QUEUED, ABANDONED)) {
					Thread.currentThread().interrupt();
					throw DatabaseFailures.busy();
				}
			}
			// taken by the writer: its outcome is coming, and may be a commit
			while (true) {
				try {
					this.finished.await();
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (this.failure != null) {
				throw this.failure;
			}
			return this.result;
		}
	}
}
