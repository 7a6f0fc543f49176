package io.dyntables.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.DdlStatement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every DDL statement the projector ran (or, replaying an existing table, skipped). */
@Repository
class DdlLog {

	private static final String INSERT = """
			INSERT INTO dyntables.ddl_log
			    (table_id, version, sequence_number, event_type, statement, applied, applied_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	DdlLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(TableEvent event, long sequence, List<DdlStatement> statements, boolean applied, Instant at) {
		for (DdlStatement statement : statements) {
			this.jdbc.update(INSERT, values(event, sequence, statement, applied, at));
		}
	}

	/** Records the entries of a replay's batch, in order, in one round trip. */
	void recordAll(List<ReplayBatch.LoggedDdl> entries) {
		List<Object[]> rows = new ArrayList<>();
		for (ReplayBatch.LoggedDdl entry : entries) {
			for (DdlStatement statement : entry.statements()) {
				rows.add(values(entry.event(), entry.sequence(), statement, entry.applied(), entry.at()));
			}
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(INSERT, rows);
		}
	}

	private static Object[] values(TableEvent event, long sequence, DdlStatement statement, boolean applied,
			Instant at) {
		return new Object[] { event.tableId(), event.version(), sequence, event.getClass().getSimpleName(),
				statement.sql(), applied, Timestamp.from(at) };
	}

	void clear() {
		this.jdbc.update("DELETE FROM dyntables.ddl_log");
	}

}
