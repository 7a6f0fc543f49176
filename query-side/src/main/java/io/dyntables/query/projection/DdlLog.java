package io.dyntables.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.DdlStatement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every DDL statement the projector ran (or, replaying an existing table, skipped). */
@Repository
class DdlLog {

	private final JdbcTemplate jdbc;

	DdlLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(TableEvent event, long sequence, List<DdlStatement> statements, boolean applied, Instant at) {
		for (DdlStatement statement : statements) {
			this.jdbc.update("""
					INSERT INTO dyntables.ddl_log
					    (table_id, version, sequence_number, event_type, statement, applied, applied_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", event.tableId(), event.version(), sequence,
					event.getClass().getSimpleName(), statement.sql(), applied, Timestamp.from(at));
		}
	}

	void clear() {
		this.jdbc.update("DELETE FROM dyntables.ddl_log");
	}

}
