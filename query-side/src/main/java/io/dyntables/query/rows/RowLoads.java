package io.dyntables.query.rows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.rows.RowValidator.ValidRow;
import io.dyntables.query.sql.RowSql;
import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Loads many rows at once, all or none: a JSON array or an NDJSON stream, plain inserts
 * by COPY, upserts (on a unique field) by batched statements in one transaction. Every
 * row is checked as a single insert is, and a refusal names the row's index.
 */
@Service
public class RowLoads {

	/** Rows a bulk insert sends per statement. */
	private static final int BATCH_SIZE = 1000;

	private static final int MAX_REFUSALS = 100;

	/** Rows a load must insert for the table's statistics to be refreshed at once. */
	private static final long ANALYZE_AFTER_ROWS = 1000;

	private final DatabaseClient db;

	private final CurrentSchema schemas;

	private final RowValidator validator;

	private final TransactionalOperator transactions;

	private final TableStatistics statistics;

	/** The most rows of a JSON array bulk insert. */
	private final int maxBulkSize;

	/** The most rows of an NDJSON bulk insert. */
	private final long maxStreamRows;

	/** The statement time limit of a load's COPY, instead of the row statement limit. */
	private final Duration loadTimeout;

	RowLoads(DatabaseClient db, CurrentSchema schemas, JsonValues json, TableStatistics statistics,
			@Value("${dyntables.rows.max-bulk-size:10000}") int maxBulkSize,
			@Value("${dyntables.rows.max-stream-rows:1000000}") long maxStreamRows,
			@Value("${dyntables.rows.load-timeout:10m}") Duration loadTimeout) {
		this.db = db;
		this.schemas = schemas;
		this.validator = new RowValidator(json);
		this.statistics = statistics;
		this.maxBulkSize = maxBulkSize;
		this.maxStreamRows = maxStreamRows;
		this.loadTimeout = loadTimeout;
		this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory()));
	}

	/**
	 * Inserts every row of a JSON array, or none: each row is checked first, and every
	 * refusal names the row's index.
	 * @param onConflict a unique field whose existing value makes the row an update, or
	 * null
	 */
	public Mono<Long> insertAll(long tableId, List<Map<String, Object>> rows, String onConflict, Caller caller) {
		if (rows.size() > this.maxBulkSize) {
			return Mono.error(new RefusedException(ErrorCode.TOO_MANY_ROWS, "", "a JSON array holds at most "
					+ this.maxBulkSize + " rows; send larger loads as application/x-ndjson"));
		}
		return this.schemas.retried(tableId, caller, (schema, scope) -> {
			String conflictField = conflictField(schema, onConflict);
			List<ValidRow> valid = new ArrayList<>(rows.size());
			List<Refusal> refusals = new ArrayList<>();
			for (int i = 0; i < rows.size() && refusals.size() < MAX_REFUSALS; i++) {
				try {
					valid.add(checked(schema, scope, rows.get(i), "/" + i));
				}
				catch (RefusedException ex) {
					refusals.addAll(ex.refusals());
				}
			}
			if (!refusals.isEmpty()) {
				// a refusal of the caller's grants comes first: it decides the status
				refusals.sort(Comparator.comparing((refusal) -> refusal.code() != ErrorCode.FORBIDDEN));
				return Mono.error(new RefusedException(refusals));
			}
			if (valid.isEmpty()) {
				return Mono.just(0L);
			}
			return load(schema, scope, conflictField, Flux.fromIterable(valid).buffer(BATCH_SIZE));
		});
	}

	/**
	 * Inserts a stream of rows all or none, in batches as they arrive: never the whole
	 * stream in memory. A refusal names the row's index (from 0) in the stream. The
	 * stream is read once, so a schema change while it runs is answered 409 (and the
	 * cached schema refreshed for the retry) rather than retried.
	 */
	public Mono<Long> insertStream(long tableId, Flux<Map<String, Object>> rows, String onConflict, Caller caller) {
		long max = this.maxStreamRows;
		return this.schemas.once(tableId, caller, (schema, scope) -> {
			String conflictField = conflictField(schema, onConflict);
			Flux<List<ValidRow>> batches = rows.index().map((indexed) -> {
				long index = indexed.getT1();
				if (index >= max) {
					throw new RefusedException(ErrorCode.TOO_MANY_ROWS, "/" + index,
							"a stream holds at most " + max + " rows; split the load");
				}
				return checked(schema, scope, indexed.getT2(), "/" + index);
			}).buffer(BATCH_SIZE);
			return load(schema, scope, conflictField, batches);
		});
	}

	/** A whole row to insert, checked against the schema and the caller's grants. */
	private ValidRow checked(TableSchema schema, RowScope scope, Map<String, Object> row, String pointer) {
		ValidRow valid = this.validator.whole(schema, scope.forInsert(row, pointer), pointer);
		scope.checkInScope(valid, pointer);
		return valid;
	}

	/**
	 * Inserts checked rows all or none: plain rows with one COPY; upserts, and rows of a
	 * table without fields, with batched inserts in one transaction.
	 * @param conflictField the unique field whose existing value makes a row an update,
	 * or null
	 */
	private Mono<Long> load(TableSchema schema, RowScope scope, String conflictField, Flux<List<ValidRow>> batches) {
		Mono<Long> inserted;
		if (conflictField == null && !schema.fields().isEmpty()) {
			inserted = copy(schema, batches);
		}
		else {
			Function<List<ValidRow>, Mono<Long>> insert;
			if (schema.fields().isEmpty()) {
				// a row of a table without fields is its id alone, which COPY cannot
				// express
				String sql = RowSql.insertDefaults(schema);
				insert = (batch) -> this.db.sql(sql).bind(0, batch.size()).fetch().rowsUpdated();
			}
			else {
				RowSql.Statement statement = RowSql.bulkInsert(schema, schema.fields(), conflictField,
						scope.updatable(schema.fields()), scope.write());
				insert = (batch) -> insertBatch(schema, statement, batch, scope.write() != null);
			}
			inserted = batches.concatMap(insert).reduce(0L, Long::sum).as(this.transactions::transactional);
		}
		return inserted.doOnNext((count) -> {
			if (count >= ANALYZE_AFTER_ROWS) {
				this.statistics.refresh(schema);
			}
		});
	}

	/**
	 * Loads the batches with one COPY. The data never fails: a refused row (or a broken
	 * or abandoned request body) ends it with a line PostgreSQL cannot read, so
	 * PostgreSQL abandons the whole COPY, and the refusal, not PostgreSQL's report, is
	 * the answer. (A failing data stream would make the driver abort the COPY from the
	 * request's thread while it may still be writing the last chunk on its own.)
	 */
	private Mono<Long> copy(TableSchema schema, Flux<List<ValidRow>> batches) {
		String sql = RowSql.copyIn(schema, schema.fields());
		AtomicReference<Throwable> refused = new AtomicReference<>();
		// a load runs longer than one row statement may: its COPY gets its own time
		// limit, set for its transaction only
		Mono<Void> timeLimit = this.db.sql("SET LOCAL statement_timeout = " + this.loadTimeout.toMillis()).then();
		Mono<Long> copied = this.db.inConnection((connection) -> {
			// The driver writes nothing else on a connection until the COPY's data has
			// ended, even once PostgreSQL has given up on the COPY (statement timeout) or
			// the request was cancelled (client gone). So whenever the COPY ends or is
			// cancelled, the data is ended too, with the unreadable line, before the
			// connection goes back to the pool: else the pool would hand out a connection
			// stuck behind the stalled client's body.
			Sinks.Empty<ByteBuf> ended = Sinks.empty();
			// a few chunks read ahead: the next rows are parsed and checked while the
			// driver writes the last ones (the driver asks for one chunk at a time)
			Flux<ByteBuf> rows = batches.map(CopyText::encode).limitRate(4).doOnComplete(ended::tryEmitEmpty);
			Flux<ByteBuf> data = Flux.merge(4, rows, ended.asMono()).onErrorResume((error) -> {
				if (!(error instanceof CopyEnded)) {
					refused.compareAndSet(null, error);
				}
				return Mono.just(CopyText.unreadableLine(schema.fields().size()));
			});
			return postgres(connection).copyIn(sql, data)
				.doOnTerminate(() -> ended.tryEmitError(new CopyEnded()))
				.doOnCancel(() -> ended.tryEmitError(new CopyEnded()));
		});
		return timeLimit.then(copied)
			.as(this.transactions::transactional)
			.onErrorMap((error) -> (refused.get() != null) ? refused.get() : error);
	}

	/** Ends the data of a COPY that ended or was cancelled before its data did. */
	private static final class CopyEnded extends RuntimeException {

		CopyEnded() {
			super("the COPY ended before its data", null, false, false);
		}

	}

	private static PostgresqlConnection postgres(Connection connection) {
		Connection unwrapped = connection;
		while (!(unwrapped instanceof PostgresqlConnection) && unwrapped instanceof Wrapped<?> wrapped
				&& wrapped.unwrap() instanceof Connection inner) {
			unwrapped = inner;
		}
		if (unwrapped instanceof PostgresqlConnection postgres) {
			return postgres;
		}
		throw new IllegalStateException("rows need a PostgreSQL R2DBC connection, not " + connection.getClass());
	}

	/**
	 * Inserts a batch; with a scope, an upsert that met a row outside it (which it left
	 * alone) refuses the whole load.
	 */
	private Mono<Long> insertBatch(TableSchema schema, RowSql.Statement statement, List<ValidRow> batch,
			boolean scoped) {
		List<FieldDefinition> fields = schema.fields();
		GenericExecuteSpec spec = this.db.sql(statement.sql());
		for (int f = 0; f < fields.size(); f++) {
			String[] column = new String[batch.size()];
			for (int r = 0; r < batch.size(); r++) {
				column[r] = JsonValues.text(batch.get(r).values().get(f));
			}
			spec = spec.bind(f, column);
		}
		spec = RowBinding.bindAll(spec, statement.parameters(), fields.size());
		Mono<Long> written = spec.fetch().rowsUpdated();
		return scoped
				? written
					.flatMap((count) -> (count < batch.size()) ? Mono.error(RowScope.outside("")) : Mono.just(count))
				: written;
	}

	private static String conflictField(TableSchema schema, String onConflict) {
		if (onConflict == null) {
			return null;
		}
		Optional<FieldDefinition> field = schema.field(onConflict);
		if (field.isEmpty()) {
			throw new RefusedException(ErrorCode.UNKNOWN_FIELD, "/query/onConflict",
					"the table has no field '" + ParameterRefusals.printable(onConflict) + "'");
		}
		if (!field.get().unique()) {
			throw new RefusedException(ErrorCode.CONFLICT_FIELD_NOT_UNIQUE, "/query/onConflict",
					"'" + onConflict + "' is not a unique field, so it cannot decide which row to update");
		}
		return field.get().name();
	}

}
