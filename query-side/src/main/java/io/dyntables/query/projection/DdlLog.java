package io.dyntables.query.projection;

import java.sql.PreparedStatement;
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

	/**
	 * Many entries as one statement, one array per column, inserted in the arrays' order
	 * (which the ids keep).
	 */
	private static final String INSERT_ALL = """
			INSERT INTO dyntables.ddl_log
			    (table_id, version, sequence_number, event_type, statement, applied, applied_at)
			SELECT table_id, version, sequence_number, event_type, statement, applied, applied_at
			FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[]::timestamptz[])
			    WITH ORDINALITY AS entry(table_id, version, sequence_number, event_type, statement, applied, applied_at, n)
			ORDER BY n""";

	private final JdbcTemplate jdbc;

	DdlLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(TableEvent event, long sequence, List<DdlStatement> statements, boolean applied, Instant at) {
		for (DdlStatement statement : statements) {
			this.jdbc.update(INSERT, values(event, sequence, statement, applied, at));
		}
	}

	/**
	 * Records the entries of a replay's batch, in order, in one statement: a replay
	 * writes a few hundred at a time, and PostgreSQL inserts them as one much faster than
	 * as many statements.
	 */
	void recordAll(List<ReplayBatch.LoggedDdl> entries) {
		List<Long> tableIds = new ArrayList<>();
		List<Long> versions = new ArrayList<>();
		List<Long> sequences = new ArrayList<>();
		List<String> eventTypes = new ArrayList<>();
		List<String> statements = new ArrayList<>();
		List<Boolean> applied = new ArrayList<>();
		List<String> appliedAt = new ArrayList<>();
		for (ReplayBatch.LoggedDdl entry : entries) {
			for (DdlStatement statement : entry.statements()) {
				tableIds.add(entry.event().tableId());
				versions.add(entry.event().version());
				sequences.add(entry.sequence());
				eventTypes.add(entry.event().getClass().getSimpleName());
				statements.add(statement.sql());
				applied.add(entry.applied());
				appliedAt.add(entry.at().toString());
			}
		}
		if (statements.isEmpty()) {
			return;
		}
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(INSERT_ALL);
			insert.setArray(1, connection.createArrayOf("bigint", tableIds.toArray()));
			insert.setArray(2, connection.createArrayOf("bigint", versions.toArray()));
			insert.setArray(3, connection.createArrayOf("bigint", sequences.toArray()));
			insert.setArray(4, connection.createArrayOf("text", eventTypes.toArray()));
			insert.setArray(5, connection.createArrayOf("text", statements.toArray()));
			insert.setArray(6, connection.createArrayOf("boolean", applied.toArray()));
			// as ISO-8601 instants, which PostgreSQL reads as they are, whatever its time
			// zone
			insert.setArray(7, connection.createArrayOf("text", appliedAt.toArray()));
			return insert;
		});
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
