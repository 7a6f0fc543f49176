package io.dyntables.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.query.catalog.SchemaCache;
import io.dyntables.query.catalog.SchemaChangeListener;
import io.dyntables.query.catalog.TableReferences;
import io.dyntables.query.catalog.TableReferences.Locked;
import io.dyntables.query.catalog.TableReferences.Saved;
import io.dyntables.query.catalog.TableReferences.Stored;
import io.dyntables.api.history.ProjectionProblem;
import io.dyntables.sql.SchemaDdl;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each schema event to PostgreSQL: runs its DDL, updates the reference table and
 * logs the DDL, all in the transaction that also moves the tracking token (or, for a
 * parked event, removes it from the dead-letter queue), so they commit or roll back
 * together. The transaction also announces the change on the
 * {@value SchemaChangeListener#CHANNEL} channel, which PostgreSQL delivers at its commit,
 * so that every instance drops the table's cached schema and its feed tells the change.
 * <p>
 * Each event runs under a savepoint: when it fails, its work is undone and the error
 * propagates, the event is parked with its table's later events behind it (see
 * {@link ParkingPolicy}) and the other tables' events go on in the same transaction. The
 * first attempt, in the stream every table shares, waits only briefly for a lock; the
 * retries of a parked event wait longer, since they hold up no other table.
 * <p>
 * A replay runs every event of the stream, so there each event keeps its savepoint and
 * its DDL, sent together in one round trip, but the batch's reference rows and DDL log
 * entries are written together just before the commit, with one announcement that every
 * schema may have changed (see {@link ReplayBatch}).
 */
@Component
@ProcessingGroup(TableProjector.PROCESSING_GROUP)
public class TableProjector {

	public static final String PROCESSING_GROUP = "table-projection";

	private final JdbcTemplate jdbc;

	private final TableReferences references;

	private final DdlLog ddlLog;

	private final SchemaCache cache;

	private final QueryUpdateEmitter emitter;

	private final Clock clock;

	private final Duration firstAttemptLockTimeout;

	private final Duration lockTimeout;

	private final ProjectionErrors errors;

	private final TransactionTemplate savepoint;

	private volatile boolean batchedReplay;

	TableProjector(JdbcTemplate jdbc, TableReferences references, DdlLog ddlLog, SchemaCache cache,
			QueryUpdateEmitter emitter, Clock clock, ProjectionErrors errors, PlatformTransactionManager transactions,
			@Value("${dyntables.ddl.first-attempt-lock-timeout:500ms}") Duration firstAttemptLockTimeout,
			@Value("${dyntables.ddl.lock-timeout:3s}") Duration lockTimeout,
			@Value("${dyntables.projection.batched-replay:true}") boolean batchedReplay) {
		this.jdbc = jdbc;
		this.references = references;
		this.ddlLog = ddlLog;
		this.cache = cache;
		this.emitter = emitter;
		this.clock = clock;
		this.errors = errors;
		this.firstAttemptLockTimeout = firstAttemptLockTimeout;
		this.lockTimeout = lockTimeout;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.batchedReplay = batchedReplay;
	}

	/**
	 * Applies one event.
	 * @param parked the dead letter when this is a retry of a parked event, else null
	 */
	@EventHandler
	void on(TableEvent event, @SequenceNumber Long sequence, ReplayStatus replayStatus, DeadLetter<?> parked) {
		if (this.batchedReplay && replayStatus.isReplay() && parked == null && CurrentUnitOfWork.isStarted()) {
			replay(event, sequence, ReplayBatch.of(CurrentUnitOfWork.get(), this::write));
			return;
		}
		Duration lockWait = (parked != null) ? this.lockTimeout : this.firstAttemptLockTimeout;
		this.savepoint.executeWithoutResult((status) -> apply(event, sequence, replayStatus, lockWait));
	}

	private void apply(TableEvent event, long sequence, ReplayStatus replayStatus, Duration lockWait) {
		this.jdbc.execute(settings(lockWait));
		Optional<Stored> stored = this.references.lock(event.tableId());
		if (stored.isPresent() && stored.get().schema().sequence() >= sequence) {
			this.errors.resolve(event.tableId(), sequence);
			return;
		}
		TableSchema before = stored.map(Stored::schema).orElse(null);
		TableSchema after = next(event, sequence, before);
		boolean replaySkipsDdl = skipsDdl(event, stored, replayStatus, after.physicalName());
		List<DdlStatement> ddl = SchemaDdl.statements(before, event);
		if (!replaySkipsDdl) {
			ddl.forEach((statement) -> this.jdbc.execute(statement.sql()));
		}
		this.ddlLog.record(event, sequence, ddl, !replaySkipsDdl, this.clock.instant());
		this.references.save(after, replaySkipsDdl, this.clock.instant());
		this.errors.resolve(event.tableId(), sequence);
		announce(SchemaChangeListener.payload(event.tableId(), sequence));
		afterCommit(after);
	}

	/**
	 * Applies a replayed event as {@link #apply} does, but leaves the reference row and
	 * the DDL log entries to be written with the batch's others before the commit
	 * ({@link #write}), and spends as few round trips as it can: one to read (and lock)
	 * the table's reference row, only when the batch has not met the table yet (for a
	 * creation, the same one asks whether its table exists), and one for the event's DDL
	 * with its savepoint ({@link #runUnderSavepoint}). A failure of that read is not the
	 * event's: it fails the batch, which is retried. Nothing is parked at this point of a
	 * replay (the reset emptied the queue, and a table with a parked event has its later
	 * events parked behind it, not applied here), so there is no failure to resolve.
	 */
	private void replay(TableEvent event, long sequence, ReplayBatch batch) {
		if (!batch.settingsSet()) {
			// outside every event's savepoint, so no event's failure undoes them
			this.jdbc.execute(settings(this.firstAttemptLockTimeout));
			batch.markSettingsSet();
		}
		Optional<Stored> stored = batch.table(event.tableId());
		boolean tableExists = false;
		if (stored.isEmpty() && event instanceof TableCreated created) {
			Locked locked = this.references.lockCreated(event.tableId(), created.physicalName());
			stored = locked.stored();
			tableExists = locked.tableExists();
		}
		else if (stored.isEmpty()) {
			stored = this.references.lock(event.tableId());
		}
		if (stored.isPresent() && stored.get().schema().sequence() >= sequence) {
			return;
		}
		TableSchema before = stored.map(Stored::schema).orElse(null);
		TableSchema after = next(event, sequence, before);
		boolean replaySkipsDdl = (event instanceof TableCreated)
				? existsBeforeCreation(tableExists, after.physicalName(), true)
				: stored.map(Stored::replaySkipsDdl).orElse(false);
		List<DdlStatement> ddl = SchemaDdl.statements(before, event);
		if (!replaySkipsDdl) {
			runUnderSavepoint(ddl);
		}
		batch.applied(event, sequence, ddl, !replaySkipsDdl, after, replaySkipsDdl, this.clock.instant());
	}

	/**
	 * Runs a replayed event's DDL under a savepoint of its own, all in one round trip
	 * (PostgreSQL runs the statements in order and stops at the first that fails): when
	 * one fails, the transaction is rolled back to the savepoint, so that the event's
	 * work is undone and the batch goes on, and the failure propagates (the event is
	 * parked).
	 */
	private void runUnderSavepoint(List<DdlStatement> ddl) {
		if (ddl.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("SAVEPOINT replayed_event");
		ddl.forEach((statement) -> sql.append(";\n").append(statement.sql()));
		sql.append(";\nRELEASE SAVEPOINT replayed_event");
		try {
			this.jdbc.execute(sql.toString());
		}
		catch (RuntimeException ex) {
			try {
				this.jdbc.execute("ROLLBACK TO SAVEPOINT replayed_event; RELEASE SAVEPOINT replayed_event");
			}
			catch (RuntimeException notRolledBack) {
				// the savepoint was never made (the connection failed first, say): the
				// transaction cannot go on, and the batch is retried
				ex.addSuppressed(notRolledBack);
			}
			throw ex;
		}
	}

	/**
	 * Writes what a replay's batch applied, just before its transaction commits: the DDL
	 * log entries and each table's reference row, and one announcement that every schema
	 * may have changed (one per table and event would cost more than the DDL).
	 */
	private void write(ReplayBatch batch) {
		if (batch.isEmpty()) {
			return;
		}
		this.ddlLog.recordAll(batch.ddl());
		this.references.saveAll(batch.tables()
			.values()
			.stream()
			.map((applied) -> new Saved(applied.stored().schema(), applied.stored().replaySkipsDdl(), applied.at()))
			.toList());
		announce(SchemaChangeListener.EVERYTHING);
		batch.tables().values().forEach((applied) -> afterCommit(applied.stored().schema()));
	}

	/**
	 * The transaction's settings. It commits without waiting for its WAL to reach the
	 * disk: the event is durable in the event store, and a crash can lose only a suffix
	 * of projector transactions, each whole (DDL, reference row, DDL log and token
	 * together), which the projector then applies again. Any later write that relies on
	 * the new schema (a row insert) commits synchronously, flushing this transaction's
	 * WAL before its own. Saves one disk flush on every command's wait.
	 */
	private static String settings(Duration lockWait) {
		return "SET LOCAL lock_timeout = " + lockWait.toMillis() + "; SET LOCAL synchronous_commit = off";
	}

	/** The table's schema after the event, which must follow the one before. */
	private static TableSchema next(TableEvent event, long sequence, TableSchema before) {
		if (before == null && !(event instanceof TableCreated)) {
			throw new ProjectionFault(ProjectionProblem.READ_MODEL_OUT_OF_STEP,
					"table " + event.tableId() + " has no reference row before " + event);
		}
		TableSchema after = (before == null) ? TableSchema.created((TableCreated) event) : before.apply(event);
		if (after.sequence() != sequence) {
			throw new ProjectionFault(ProjectionProblem.READ_MODEL_OUT_OF_STEP,
					"table " + event.tableId() + " is at sequence " + after.sequence()
							+ " by the reference table, the event store says " + sequence);
		}
		return after;
	}

	/** Announces a change to every instance, when (and if) the transaction commits. */
	private void announce(String payload) {
		this.jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, SchemaChangeListener.CHANNEL, payload);
	}

	@ResetHandler
	void reset() {
		this.references.clear();
		this.ddlLog.clear();
		this.errors.clear();
		this.cache.clear();
		announce(SchemaChangeListener.EVERYTHING);
	}

	/**
	 * Live, a table must not exist before its creation: that is drift and fails loudly.
	 * Replaying, a table that exists keeps its rows: its DDL is logged but not run.
	 */
	private boolean skipsDdl(TableEvent event, Optional<Stored> stored, ReplayStatus replayStatus,
			String physicalName) {
		if (!(event instanceof TableCreated)) {
			return stored.map(Stored::replaySkipsDdl).orElse(false) && replayStatus.isReplay();
		}
		return existsBeforeCreation(this.references.tableExists(physicalName), physicalName, replayStatus.isReplay());
	}

	/**
	 * Whether the table being created exists already: a replay then skips its DDL; live,
	 * that is drift.
	 */
	private static boolean existsBeforeCreation(boolean exists, String physicalName, boolean replay) {
		if (exists && !replay) {
			throw new ProjectionFault(ProjectionProblem.SCHEMA_DRIFT,
					"table " + physicalName + " exists before its creation was projected");
		}
		return exists;
	}

	/**
	 * Once committed, the cache and then any waiting request learn the new schema (the
	 * emitter itself defers to after the commit).
	 */
	private void afterCommit(TableSchema after) {
		whenCommitted(() -> this.cache.put(after));
		this.emitter.emit(FindTable.class, (query) -> query.tableId() == after.tableId(), after.view());
	}

	private static void whenCommitted(Runnable action) {
		if (CurrentUnitOfWork.isStarted()) {
			CurrentUnitOfWork.get().afterCommit((unitOfWork) -> action.run());
		}
		else {
			action.run();
		}
	}

}
