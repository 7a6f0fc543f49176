package io.dyntables.query.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dyntables.api.table.TableSchema;
import io.dyntables.sql.Sql;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reference table: each table's id, name, database name, schema and version, as the
 * projector applied them. Blocking JDBC, so the projector's writes share its transaction.
 */
@Repository
public class TableReferences {

	private static final String COLUMNS = "schema::text, replay_skips_ddl";

	private static final String SAVE = """
			INSERT INTO dyntables.table_ref
			    (id, name, physical_name, schema, version, last_sequence, deleted, replay_skips_ddl, updated_at)
			VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, schema = excluded.schema,
			    version = excluded.version, last_sequence = excluded.last_sequence, deleted = excluded.deleted,
			    replay_skips_ddl = excluded.replay_skips_ddl, updated_at = excluded.updated_at""";

	/**
	 * Whether a table of the name (the second parameter) exists in the schema (the
	 * first), looked up by the catalog's index on names.
	 */
	private static final String TABLE_EXISTS = """
			EXISTS (SELECT 1 FROM pg_catalog.pg_class
			    WHERE relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?)
			    AND relname = ? AND relkind IN ('r', 'p'))""";

	private static final String LOCK_CREATED = "SELECT " + TABLE_EXISTS + """
			, locked.schema::text, locked.replay_skips_ddl
			FROM (SELECT 1) AS one LEFT JOIN (
			    SELECT schema, replay_skips_ddl FROM dyntables.table_ref WHERE id = ? FOR UPDATE) AS locked ON true""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	public TableReferences(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A stored schema and how a replay treats its table. */
	public record Stored(TableSchema schema, boolean replaySkipsDdl) {
	}

	/** The table's row, locked for the rest of the transaction. */
	public Optional<Stored> lock(long tableId) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM dyntables.table_ref WHERE id = ? FOR UPDATE",
					(rs, n) -> new Stored(read(rs.getString(1)), rs.getBoolean(2)), tableId)
			.stream()
			.findFirst();
	}

	/**
	 * The table's row, locked as {@link #lock} locks it, and whether its database table
	 * exists: what a replayed creation needs to know, in one round trip.
	 */
	public Locked lockCreated(long tableId, String physicalName) {
		return this.jdbc.queryForObject(LOCK_CREATED, (rs, n) -> {
			String schema = rs.getString(2);
			Optional<Stored> stored = (schema != null) ? Optional.of(new Stored(read(schema), rs.getBoolean(3)))
					: Optional.empty();
			return new Locked(stored, rs.getBoolean(1));
		}, Sql.DATA_SCHEMA, physicalName, tableId);
	}

	/** Whether the table of this database name exists. */
	public boolean tableExists(String physicalName) {
		return Boolean.TRUE
			.equals(this.jdbc.queryForObject("SELECT " + TABLE_EXISTS, Boolean.class, Sql.DATA_SCHEMA, physicalName));
	}

	/**
	 * A table's row, if it has one, and whether its database table exists.
	 *
	 * @param stored the row
	 * @param tableExists whether the table exists
	 */
	public record Locked(Optional<Stored> stored, boolean tableExists) {
	}

	public Optional<TableSchema> find(long tableId) {
		return this.jdbc
			.query("SELECT schema::text FROM dyntables.table_ref WHERE id = ?", (rs, n) -> read(rs.getString(1)),
					tableId)
			.stream()
			.findFirst();
	}

	/** Every table not deleted, by id. */
	public List<TableSchema> all() {
		return this.jdbc.query("SELECT schema::text FROM dyntables.table_ref WHERE NOT deleted ORDER BY id",
				(rs, n) -> read(rs.getString(1)));
	}

	/** Every table, deleted ones included, by id. */
	public List<TableSchema> allIncludingDeleted() {
		return this.jdbc.query("SELECT schema::text FROM dyntables.table_ref ORDER BY id",
				(rs, n) -> read(rs.getString(1)));
	}

	public void save(TableSchema schema, boolean replaySkipsDdl, Instant at) {
		this.jdbc.update(SAVE, values(new Saved(schema, replaySkipsDdl, at)));
	}

	/**
	 * A table's row to save.
	 *
	 * @param schema its schema
	 * @param replaySkipsDdl whether a replay logs its DDL without running it
	 * @param at when it was last changed
	 */
	public record Saved(TableSchema schema, boolean replaySkipsDdl, Instant at) {
	}

	/** Saves many tables' rows, in one round trip. */
	public void saveAll(List<Saved> tables) {
		if (!tables.isEmpty()) {
			this.jdbc.batchUpdate(SAVE, tables.stream().map(this::values).toList());
		}
	}

	private Object[] values(Saved saved) {
		TableSchema schema = saved.schema();
		return new Object[] { schema.tableId(), schema.name(), schema.physicalName(), write(schema), schema.version(),
				schema.sequence(), schema.deleted(), saved.replaySkipsDdl(), Timestamp.from(saved.at()) };
	}

	/** Forgets every table, before a replay rebuilds them. */
	public void clear() {
		this.jdbc.update("DELETE FROM dyntables.table_ref");
	}

	/** A schema from its stored JSON. */
	TableSchema read(String text) {
		try {
			return this.json.readValue(text, TableSchema.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("unreadable schema in the reference table", ex);
		}
	}

	/** A schema's stored JSON. */
	String write(TableSchema schema) {
		try {
			return this.json.writeValueAsString(schema);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("unwritable schema", ex);
		}
	}

}
