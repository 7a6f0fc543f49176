package io.dyntables.query.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.catalog.TableReferences.Stored;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a replay's transaction (one batch of events of one segment) has applied so far and
 * not yet written: each table's schema after its last event, and the DDL log entries. The
 * projector writes them all at once just before the transaction commits (with the
 * tracking token), instead of a few statements per event: a replay runs every event of
 * the stream, and round trips to PostgreSQL are most of what an event costs beside its
 * DDL. A table's later events in the batch read its schema from here.
 */
final class ReplayBatch {

	private static final String RESOURCE = ReplayBatch.class.getName();

	private final Map<Long, Applied> tables = new LinkedHashMap<>();

	private final List<LoggedDdl> ddl = new ArrayList<>();

	/** Whether this transaction's settings (lock timeout, commit mode) are set. */
	private boolean settingsSet;

	/**
	 * A table's state as the batch left it.
	 *
	 * @param stored its schema and how a replay treats it
	 * @param at when its last event was applied
	 */
	record Applied(Stored stored, Instant at) {
	}

	/**
	 * A DDL log entry to write.
	 *
	 * @param event the event
	 * @param sequence its sequence number
	 * @param statements its statements
	 * @param applied whether they ran
	 * @param at when
	 */
	record LoggedDdl(TableEvent event, long sequence, List<DdlStatement> statements, boolean applied, Instant at) {
	}

	/**
	 * The batch of the unit of work's transaction, made (and its writing registered
	 * before the commit) on first use.
	 */
	static ReplayBatch of(UnitOfWork<?> unitOfWork, Consumer<ReplayBatch> writeBeforeCommit) {
		UnitOfWork<?> root = unitOfWork.root();
		return root.getOrComputeResource(RESOURCE, (key) -> {
			ReplayBatch batch = new ReplayBatch();
			root.onPrepareCommit((committing) -> writeBeforeCommit.accept(batch));
			return batch;
		});
	}

	/** The table as this batch left it, if it applied any of its events. */
	Optional<Stored> table(long tableId) {
		return Optional.ofNullable(this.tables.get(tableId)).map(Applied::stored);
	}

	void applied(TableEvent event, long sequence, List<DdlStatement> statements, boolean ran, TableSchema after,
			boolean replaySkipsDdl, Instant at) {
		this.tables.put(after.tableId(), new Applied(new Stored(after, replaySkipsDdl), at));
		if (!statements.isEmpty()) {
			this.ddl.add(new LoggedDdl(event, sequence, statements, ran, at));
		}
	}

	Map<Long, Applied> tables() {
		return this.tables;
	}

	List<LoggedDdl> ddl() {
		return this.ddl;
	}

	boolean settingsSet() {
		return this.settingsSet;
	}

	/** Marks the settings set (outside every event's savepoint, so for good). */
	void markSettingsSet() {
		this.settingsSet = true;
	}

	boolean isEmpty() {
		return this.tables.isEmpty();
	}

}
