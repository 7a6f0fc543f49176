package io.dyntables.query.rows;

import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.access.TableRowAccess;
import io.dyntables.query.catalog.SchemaCache;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Runs row work against the table's schema as the cache holds it and the caller's grants
 * on it, and, when the work fails in a way a newer schema may explain, reads the schema
 * again and runs the work once more if it did change. The cache may be a moment behind
 * the table (another instance changed it): this is where that is made good, the same way
 * for single rows, loads and listings.
 */
@Component
class CurrentSchema {

	private final SchemaCache schemas;

	private final TableRowAccess access;

	CurrentSchema(SchemaCache schemas, TableRowAccess access) {
		this.schemas = schemas;
		this.access = access;
	}

	/**
	 * Runs the work; when it is refused, or the database says the table is not what the
	 * schema says or refuses a value (a retyped column does), runs it once more against a
	 * schema that changed since. A failure is told as the schema it ran against explains
	 * it ({@link DatabaseErrors#writeFailure}).
	 */
	<T> Mono<T> retried(long tableId, Caller caller, BiFunction<TableSchema, RowScope, Mono<T>> work) {
		return cached(tableId)
			.flatMap((cached) -> attempt(cached, caller, work).onErrorResume(CurrentSchema::mayBeStale,
					(error) -> this.schemas.refresh(tableId)
						.switchIfEmpty(Mono.error(error))
						.flatMap((fresh) -> (fresh.sequence() == cached.sequence()) ? Mono.error(error)
								: attempt(fresh, caller, work))));
	}

	/**
	 * Runs work that cannot be run twice (it reads a request body once): when it fails in
	 * a way a newer schema may explain and the schema did change, the answer is "schema
	 * changed" (409) with the cache refreshed for the client's retry.
	 */
	<T> Mono<T> once(long tableId, Caller caller, BiFunction<TableSchema, RowScope, Mono<T>> work) {
		return cached(tableId).flatMap((cached) -> scoped(cached, caller, work)
			.onErrorResume(DatabaseErrors::mayBeStale, (error) -> this.schemas.refresh(tableId)
				.flatMap((fresh) -> Mono.error((fresh.sequence() == cached.sequence()) ? error
						: new RefusedException(ErrorCode.SCHEMA_CHANGED, "",
								"the table's schema changed while the rows were loaded; nothing was inserted; retry"))))
			.onErrorMap((error) -> DatabaseErrors.writeFailure(cached, error)));
	}

	/**
	 * Runs an answer that the table changed under (it was answered "schema changed") once
	 * more against a schema that changed since, as long as nothing of it was sent: an
	 * answer follows the current schema, never "schema changed" for as long as a cached
	 * schema is stale.
	 * @param nothingSent whether the answer can still be started again
	 */
	<T> Mono<T> answered(long tableId, Caller caller, BooleanSupplier nothingSent,
			BiFunction<TableSchema, RowScope, Mono<T>> work) {
		return cached(tableId).flatMap((cached) -> scoped(cached, caller, work).onErrorResume(
				(error) -> changedUnderneath(error) && nothingSent.getAsBoolean(),
				(error) -> this.schemas.refresh(tableId)
					.switchIfEmpty(Mono.error(error))
					.flatMap((fresh) -> (fresh.sequence() == cached.sequence()) ? Mono.error(error)
							: scoped(fresh, caller, work))));
	}

	private Mono<TableSchema> cached(long tableId) {
		return this.schemas.get(tableId).switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)));
	}

	/** The work against one schema, a failure told as that schema explains it. */
	private <T> Mono<T> attempt(TableSchema schema, Caller caller, BiFunction<TableSchema, RowScope, Mono<T>> work) {
		return scoped(schema, caller, work).onErrorMap((error) -> DatabaseErrors.writeFailure(schema, error));
	}

	/** The work against one live schema, with the caller's limits on it. */
	private <T> Mono<T> scoped(TableSchema schema, Caller caller, BiFunction<TableSchema, RowScope, Mono<T>> work) {
		return Mono.defer(() -> {
			TableSchema live = live(schema);
			return this.access.limits(caller, live).flatMap((limits) -> work.apply(live, RowScope.of(live, limits)));
		});
	}

	/**
	 * Whether the failure may come from a stale schema: a refusal (of the row, or of the
	 * database, already told as a refusal) that a newer schema may not make.
	 */
	private static boolean mayBeStale(Throwable error) {
		return error instanceof RefusedException refused && refused.code() != ErrorCode.ROW_NOT_FOUND
				&& refused.code() != ErrorCode.TOO_MANY_ROWS && refused.code() != ErrorCode.TABLE_DELETED;
	}

	private static boolean changedUnderneath(Throwable error) {
		return error instanceof RefusedException refused && refused.code() == ErrorCode.SCHEMA_CHANGED;
	}

	private static TableSchema live(TableSchema schema) {
		if (schema.deleted()) {
			throw RefusedException.tableDeleted(schema.tableId());
		}
		return schema;
	}

}
