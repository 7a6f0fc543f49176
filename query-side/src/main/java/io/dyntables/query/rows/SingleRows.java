package io.dyntables.query.rows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.catalog.RecentlyUsed;
import io.dyntables.query.catalog.SchemaChanges;
import io.dyntables.query.rows.RowValidator.ValidRow;
import io.dyntables.query.sql.RowSql;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Inserts, reads, replaces, changes and deletes one row at a time, checked against the
 * current schema and the caller's grants; every answer is the row as the caller may read
 * it.
 */
@Service
public class SingleRows {

	/**
	 * Where the statements run: a connection of the request's event loop, or the pool.
	 */
	private final LoopConnections connections;

	private final CurrentSchema schemas;

	private final RowValidator validator;

	/** The insert statement of each table's current schema, for the most used tables. */
	private final RecentlyUsed<Long, CachedSql> insertStatements;

	SingleRows(LoopConnections connections, CurrentSchema schemas, SchemaChanges changes, JsonValues json,
			@Value("${dyntables.rows.cached-schemas:20000}") int cachedSchemas) {
		this.connections = connections;
		this.schemas = schemas;
		this.validator = new RowValidator(json);
		this.insertStatements = new RecentlyUsed<>(cachedSchemas);
		// a statement is only used with the schema it was built from; dropping it on a
		// change frees it at once
		changes.changes().subscribe((change) -> this.insertStatements.remove(change.tableId()));
		changes.everything().subscribe((heard) -> this.insertStatements.clear());
	}

	/**
	 * Inserts one row and answers it as stored (the fields the caller may read), with its
	 * id.
	 */
	public Mono<Map<String, Object>> insert(long tableId, Map<String, Object> row, Caller caller) {
		return this.schemas.retried(tableId, caller, (schema, scope) -> {
			ValidRow valid = this.validator.whole(schema, scope.forInsert(row, ""), "");
			scope.checkInScope(valid, "");
			TableSchema answered = scope.readable();
			String sql = insertSql(answered, valid.fields());
			return this.connections.run((connection) -> DirectStatement.of(connection, sql)
				.bind(valid)
				.one((stored) -> RowBinding.read(answered, stored)));
		});
	}

	/**
	 * The insert statement of a whole row, built once per schema: the hot path of
	 * single-row writes then does no SQL building.
	 */
	private String insertSql(TableSchema schema, List<FieldDefinition> fields) {
		if (!fields.equals(schema.fields())) {
			return RowSql.insert(schema, fields);
		}
		CachedSql cached = this.insertStatements.get(schema.tableId());
		if (cached != null && cached.schema() == schema) {
			return cached.sql();
		}
		String sql = RowSql.insert(schema, fields);
		this.insertStatements.put(schema.tableId(), new CachedSql(schema, sql));
		return sql;
	}

	private record CachedSql(TableSchema schema, String sql) {

	}

	/** One row by id, if the caller may read it, with the fields it may read. */
	public Mono<Map<String, Object>> get(long tableId, long rowId, Caller caller) {
		return this.schemas.retried(tableId, caller, (schema, scope) -> selectOne(scope, rowId));
	}

	private Mono<Map<String, Object>> selectOne(RowScope scope, long rowId) {
		TableSchema answered = scope.readable();
		RowSql.Statement statement = onRow(scope.read(), () -> RowSql.selectOne(answered),
				(rows) -> RowSql.selectOne(answered, rows));
		return this.connections
			.run((connection) -> DirectStatement.of(connection, statement.sql())
				.bind(rowId)
				.bind(statement.parameters())
				.one((row) -> RowBinding.read(answered, row)))
			.switchIfEmpty(Mono.error(() -> rowNotFound(answered.tableId(), rowId)));
	}

	/**
	 * Replaces every field of a row the caller may write, checked as an insert is; absent
	 * fields get defaults.
	 */
	public Mono<Map<String, Object>> replace(long tableId, long rowId, Map<String, Object> row, Caller caller) {
		return this.schemas.retried(tableId, caller, (schema, scope) -> {
			Map<String, Object> given = scope.forInsert(row, "");
			TableSchema written = writable(schema, scope);
			return update(scope, rowId, this.validator.whole(written, given, ""));
		});
	}

	/** The table with the fields the caller may write only. */
	private static TableSchema writable(TableSchema schema, RowScope scope) {
		if (scope.writable() == null) {
			return schema;
		}
		return new TableSchema(schema.tableId(), schema.name(), schema.physicalName(),
				schema.fields().stream().filter((field) -> scope.writable().contains(field.name())).toList(),
				schema.version(), schema.deleted(), schema.columnSlots(), schema.sequence());
	}

	/** Changes the given fields of a row, each checked; the others keep their values. */
	public Mono<Map<String, Object>> patch(long tableId, long rowId, Map<String, Object> row, Caller caller) {
		return this.schemas.retried(tableId, caller, (schema, scope) -> {
			scope.checkWritable(row, "");
			ValidRow valid = this.validator.partial(schema, row, "");
			if (valid.fields().isEmpty()) {
				return selectOne(scope, rowId);
			}
			return update(scope, rowId, valid);
		});
	}

	/** Deletes a row the caller may write. */
	public Mono<Void> delete(long tableId, long rowId, Caller caller) {
		return this.schemas.retried(tableId, caller, (schema, scope) -> {
			RowSql.Statement statement = onRow(scope.write(), () -> RowSql.delete(schema),
					(rows) -> RowSql.delete(schema, rows));
			return this.connections
				.run((connection) -> DirectStatement.of(connection, statement.sql())
					.bind(rowId)
					.bind(statement.parameters())
					.rowsUpdated())
				.flatMap((deleted) -> (deleted == 0) ? Mono.error(rowNotFound(tableId, rowId)) : Mono.just(deleted));
		}).then();
	}

	/**
	 * A statement on the row whose id is $1: the plain one, or with a scope the one
	 * limited to it, the scope's values to bind after the id.
	 */
	private static RowSql.Statement onRow(RowSql.Scope scope, Supplier<String> plain,
			Function<RowSql.Scope, RowSql.Statement> scoped) {
		return (scope == null) ? new RowSql.Statement(plain.get(), List.of()) : scoped.apply(scope);
	}

	/**
	 * Updates a row the caller may write, and only so that it stays one the caller may
	 * write; answers it with the fields the caller may read.
	 */
	private Mono<Map<String, Object>> update(RowScope scope, long rowId, ValidRow valid) {
		TableSchema answered = scope.readable();
		List<RowSql.Scope> scopes = (scope.write() == null) ? List.of()
				: List.of(scope.write(), scope.afterUpdate(valid));
		RowSql.Statement statement = RowSql.update(answered, valid.fields(), scopes);
		return this.connections
			.run((connection) -> DirectStatement.of(connection, statement.sql())
				.bind(valid)
				.bind(rowId)
				.bind(statement.parameters())
				.one((row) -> RowBinding.read(answered, row)))
			.switchIfEmpty(Mono.error(() -> rowNotFound(answered.tableId(), rowId)));
	}

	private static RefusedException rowNotFound(long tableId, long rowId) {
		return new RefusedException(ErrorCode.ROW_NOT_FOUND, "", "table " + tableId + " has no row " + rowId);
	}

}
