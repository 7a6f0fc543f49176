package io.dyntables.query.rows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.catalog.RecentlyUsed;
import io.dyntables.query.catalog.SchemaCache;
import io.dyntables.query.catalog.SchemaChanges;
import io.dyntables.query.access.TableRowAccess;
import io.dyntables.query.rows.RowValidator.ValidRow;
import io.dyntables.query.sql.RowSql;
import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.MultiValueMap;

/**
 * Reads and writes rows of user tables over R2DBC, validated against the cached schema. A
 * statement that fails because the schema changed underneath it is retried once against
 * the current schema, and answered 409 if it still does not fit. Database refusals a
 * client can cause (a duplicate unique value, a statement over its time limit) are
 * answered as such, never as our fault.
 */
@Service
public class RowService {

	/** Rows a listing reads from the database per round trip. */
	private static final int FETCH_SIZE = 1000;

	/** Rows a bulk insert sends per statement. */
	private static final int BATCH_SIZE = 1000;

	private static final int MAX_REFUSALS = 100;

	/** Rows a load must insert for the table's statistics to be refreshed at once. */
	private static final long ANALYZE_AFTER_ROWS = 1000;

	private final DatabaseClient db;

	private final SchemaCache schemas;

	private final RowValidator validator;

	private final JsonMapper mapper;

	private final TransactionalOperator transactions;

	private final TableStatistics statistics;

	private final Limits limits;

	/** The statement time limit of a load's COPY, instead of the row statement limit. */
	private final Duration loadTimeout;

	/** The insert statement of each table's current schema, for the most used tables. */
	private final RecentlyUsed<Long, CachedSql> insertStatements;

	private final TableRowAccess access;

	/** Where single-row statements and pages run. */
	private final LoopConnections connections;

	RowService(DatabaseClient db, LoopConnections connections, SchemaCache schemas, SchemaChanges changes,
			JsonValues json, JsonMapper mapper, TableRowAccess access, TableStatistics statistics,
			@Value("${dyntables.rows.max-page-size:1000}") int maxPageSize,
			@Value("${dyntables.rows.max-bulk-size:10000}") int maxBulkSize,
			@Value("${dyntables.rows.max-stream-rows:1000000}") long maxStreamRows,
			@Value("${dyntables.rows.cached-schemas:20000}") int cachedSchemas,
			@Value("${dyntables.rows.load-timeout:10m}") Duration loadTimeout) {
		this.loadTimeout = loadTimeout;
		this.access = access;
		this.statistics = statistics;
		this.db = db;
		this.connections = connections;
		this.schemas = schemas;
		this.validator = new RowValidator(json);
		this.mapper = mapper;
		this.limits = new Limits(maxPageSize, maxBulkSize, maxStreamRows);
		this.insertStatements = new RecentlyUsed<>(cachedSchemas);
		// a statement is only used with the schema it was built from; dropping it on a
		// change frees it at once
		changes.changes().subscribe((change) -> this.insertStatements.remove(change.tableId()));
		changes.everything().subscribe((heard) -> this.insertStatements.clear());
		this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory()));
	}

	/**
	 * The limits on row requests.
	 *
	 * @param maxPageSize the largest {@code limit} of a listing
	 * @param maxBulkSize the most rows of a JSON array bulk insert
	 * @param maxStreamRows the most rows of an NDJSON bulk insert
	 */
	public record Limits(int maxPageSize, int maxBulkSize, long maxStreamRows) {

	}

	/**
	 * Inserts one row and answers it as stored (the fields the caller may read), with its
	 * id.
	 */
	public Mono<Map<String, Object>> insert(long tableId, Map<String, Object> row, Caller caller) {
		return withScope(tableId, caller, (schema, scope) -> {
			ValidRow valid = this.validator.whole(schema, scope.forInsert(row, ""), "");
			scope.checkInScope(valid, "");
			TableSchema answered = scope.readable();
			String sql = insertSql(answered, valid.fields());
			return this.connections.run((connection) -> DirectStatement.of(connection, sql)
				.bind(valid)
				.one((stored) -> read(answered, stored)));
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
		return withScope(tableId, caller, (schema, scope) -> selectOne(scope, rowId));
	}

	private Mono<Map<String, Object>> selectOne(RowScope scope, long rowId) {
		TableSchema answered = scope.readable();
		RowSql.Statement statement = (scope.read() == null)
				? new RowSql.Statement(RowSql.selectOne(answered), List.of())
				: RowSql.selectOne(answered, scope.read());
		return this.connections
			.run((connection) -> DirectStatement.of(connection, statement.sql())
				.bind(rowId)
				.bind(statement.parameters())
				.one((row) -> read(answered, row)))
			.switchIfEmpty(Mono.error(() -> rowNotFound(answered.tableId(), rowId)));
	}

	/**
	 * Replaces every field of a row the caller may write, checked as an insert is; absent
	 * fields get defaults.
	 */
	public Mono<Map<String, Object>> replace(long tableId, long rowId, Map<String, Object> row, Caller caller) {
		return withScope(tableId, caller, (schema, scope) -> {
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
		return withScope(tableId, caller, (schema, scope) -> {
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
		return withScope(tableId, caller, (schema, scope) -> {
			RowSql.Statement statement = (scope.write() == null)
					? new RowSql.Statement(RowSql.delete(schema), List.of()) : RowSql.delete(schema, scope.write());
			return this.connections
				.run((connection) -> DirectStatement.of(connection, statement.sql())
					.bind(rowId)
					.bind(statement.parameters())
					.rowsUpdated())
				.flatMap((deleted) -> (deleted == 0) ? Mono.error(rowNotFound(tableId, rowId)) : Mono.just(deleted));
		}).then();
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
				.one((row) -> read(answered, row)))
			.switchIfEmpty(Mono.error(() -> rowNotFound(answered.tableId(), rowId)));
	}

	/**
	 * Inserts every row of a JSON array, or none: each row is checked first, and every
	 * refusal names the row's index.
	 * @param onConflict a unique field whose existing value makes the row an update, or
	 * null
	 */
	public Mono<Long> insertAll(long tableId, List<Map<String, Object>> rows, String onConflict, Caller caller) {
		if (rows.size() > this.limits.maxBulkSize()) {
			return Mono.error(new RefusedException(ErrorCode.TOO_MANY_ROWS, "", "a JSON array holds at most "
					+ this.limits.maxBulkSize() + " rows; send larger loads as application/x-ndjson"));
		}
		return withScope(tableId, caller, (schema, scope) -> {
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
	 * Inserts a stream of rows all or none, in batches as they arrive: never the whole
	 * stream in memory. A refusal names the row's index (from 0) in the stream. The
	 * stream is read once, so a schema change while it runs is answered 409 (and the
	 * cached schema refreshed for the retry) rather than retried.
	 */
	public Mono<Long> insertStream(long tableId, Flux<Map<String, Object>> rows, String onConflict, Caller caller) {
		long max = this.limits.maxStreamRows();
		return this.schemas.get(tableId)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)))
			.flatMap((cached) -> this.access.limits(caller, live(cached)).flatMap((limits) -> {
				TableSchema schema = live(cached);
				RowScope scope = RowScope.of(schema, limits);
				String conflictField = conflictField(schema, onConflict);
				Flux<List<ValidRow>> batches = rows.index().map((indexed) -> {
					long index = indexed.getT1();
					if (index >= max) {
						throw new RefusedException(ErrorCode.TOO_MANY_ROWS, "/" + index,
								"a stream holds at most " + max + " rows; split the load");
					}
					return checked(schema, scope, indexed.getT2(), "/" + index);
				}).buffer(BATCH_SIZE);
				return load(schema, scope, conflictField, batches)
					.onErrorResume(DatabaseErrors::mayBeStale, (error) -> this.schemas.refresh(tableId)
						.flatMap((fresh) -> Mono
							.error((fresh.sequence() == schema.sequence()) ? error : new RefusedException(
									ErrorCode.SCHEMA_CHANGED, "",
									"the table's schema changed while the rows were loaded; nothing was inserted; retry"))))
					.onErrorMap((error) -> DatabaseErrors.writeFailure(schema, error));
			}));
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
		// limit,
		// set for its transaction only
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
		spec = bindAll(spec, statement.parameters(), fields.size());
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
					"the table has no field '" + Listing.printable(onConflict) + "'");
		}
		if (!field.get().unique()) {
			throw new RefusedException(ErrorCode.CONFLICT_FIELD_NOT_UNIQUE, "/query/onConflict",
					"'" + onConflict + "' is not a unique field, so it cannot decide which row to update");
		}
		return field.get().name();
	}

	/**
	 * Answers a listing as the query parameters ask for it. When the table changed under
	 * it (a renamed or dropped column, a dropped table) before anything was sent, the
	 * schema is read again and, if it did change, the listing is parsed and answered once
	 * more against it: a listing is answered as the current schema says, never "schema
	 * changed" for as long as a cached schema is stale.
	 * @param answer writes the listing
	 * @param nothingSent whether the answer can still be started again
	 */
	public Mono<Void> list(long tableId, MultiValueMap<String, String> parameters, Caller caller,
			Function<Listed, Mono<Void>> answer, BooleanSupplier nothingSent) {
		return this.schemas.get(tableId)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)))
			.flatMap((cached) -> listed(cached, parameters, caller).flatMap(answer)
				.onErrorResume((error) -> changedUnderneath(error) && nothingSent.getAsBoolean(),
						(error) -> this.schemas.refresh(tableId)
							.switchIfEmpty(Mono.error(error))
							.flatMap((fresh) -> (fresh.sequence() == cached.sequence()) ? Mono.error(error)
									: listed(fresh, parameters, caller).flatMap(answer))));
	}

	/**
	 * The listing as the caller may have it: fields it may not read are no fields to it
	 * (in select, order and filters), and only rows it may read are listed.
	 */
	private Mono<Listed> listed(TableSchema schema, MultiValueMap<String, String> parameters, Caller caller) {
		return Mono.defer(() -> this.access.limits(caller, live(schema))).map((limits) -> {
			RowScope scope = RowScope.of(schema, limits);
			Listing listing = Listing.parse(scope.readable(), parameters, this.limits.maxPageSize(), this.mapper);
			if (scope.read() != null) {
				listing = listing.within(scope.read());
			}
			return new Listed(listing, this);
		});
	}

	private static boolean changedUnderneath(Throwable error) {
		return error instanceof RefusedException refused && refused.code() == ErrorCode.SCHEMA_CHANGED;
	}

	/** A listing, ready to run. */
	public static final class Listed {

		private final Listing listing;

		private final RowService service;

		Listed(Listing listing, RowService service) {
			this.listing = listing;
			this.service = service;
		}

		Listing listing() {
			return this.listing;
		}

		/** Every row the listing selects, streamed from the database as it is read. */
		public Flux<Map<String, Object>> rows() {
			return this.service.rows(this.listing).map(this.listing::answered);
		}

		/** One page and the cursor of the next, if there is a next. */
		public Mono<Page> page() {
			return this.service.page(this.listing);
		}

		/** The row count asked for, or empty. */
		public Mono<Long> count() {
			return (this.listing.count() != null) ? this.service.count(this.listing) : Mono.empty();
		}

	}

	/**
	 * One page of rows.
	 *
	 * @param rows the rows answered
	 * @param next the cursor of the next page, or null on the last
	 */
	public record Page(List<Map<String, Object>> rows, String next) {

	}

	private Flux<Map<String, Object>> rows(Listing listing) {
		RowSql.Statement statement = RowSql.select(listing.query());
		List<String> columns = listing.query().columns();
		List<FieldType> types = types(listing.schema(), columns);
		GenericExecuteSpec spec = bindAll(this.db.sql(statement.sql()), statement.parameters());
		return spec.filter((s) -> s.fetchSize(FETCH_SIZE))
			.map((result) -> read(columns, types, result))
			.all()
			.onErrorMap(DatabaseErrors::readFailure);
	}

	private Mono<Page> page(Listing listing) {
		RowSql.Query query = listing.query();
		RowSql.Query probe = new RowSql.Query(query.schema(), query.columns(), query.filters(), query.sorts(),
				query.after(), query.limit() + 1, query.scope());
		RowSql.Statement statement = RowSql.select(probe);
		List<String> columns = query.columns();
		List<FieldType> types = types(listing.schema(), columns);
		return this.connections
			.run((connection) -> DirectStatement.of(connection, statement.sql())
				.bind(statement.parameters())
				.all((row) -> read(columns, types, row)))
			.map((rows) -> {
				String next = null;
				if (rows.size() > query.limit()) {
					rows = rows.subList(0, query.limit());
					next = listing.cursorAfter(rows.get(rows.size() - 1), this.mapper);
				}
				return new Page(rows.stream().map(listing::answered).toList(), next);
			})
			.onErrorMap(DatabaseErrors::readFailure);
	}

	private Mono<Long> count(Listing listing) {
		List<RowSql.Filter> filters = listing.query().filters();
		if (listing.count() == Listing.Count.EXACT) {
			RowSql.Statement statement = RowSql.count(listing.schema(), filters, listing.query().scope());
			return bindAll(this.db.sql(statement.sql()), statement.parameters())
				.map((result) -> result.get(0, Long.class))
				.one()
				.onErrorMap(DatabaseErrors::readFailure);
		}
		RowSql.Statement statement = RowSql.estimate(listing.schema(), filters, listing.query().scope());
		return bindAll(this.db.sql(statement.sql()), statement.parameters())
			.map((result) -> result.get(0, String.class))
			.one()
			.map((plan) -> {
				JsonNode rows = this.mapper.readTree(plan).path(0).path("Plan").path("Plan Rows");
				return rows.asLong();
			})
			.onErrorMap(DatabaseErrors::readFailure);
	}

	private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, List<Object> parameters) {
		return bindAll(spec, parameters, 0);
	}

	/** Binds the parameters from the given index ($index+1) on. */
	private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, List<Object> parameters, int from) {
		for (int i = 0; i < parameters.size(); i++) {
			spec = spec.bind(from + i, parameters.get(i));
		}
		return spec;
	}

	/**
	 * Runs the work as {@link #withSchema} does, given the caller's limits on the table
	 * too.
	 */
	private <T> Mono<T> withScope(long tableId, Caller caller, BiFunction<TableSchema, RowScope, Mono<T>> work) {
		return withSchema(tableId, (schema) -> this.access.limits(caller, schema)
			.flatMap((limits) -> work.apply(schema, RowScope.of(schema, limits))));
	}

	/**
	 * Runs the work against the cached schema; when the work is refused, or the database
	 * says the table is not what the schema says or refuses a value (a retyped column
	 * does), reads the schema again and, if it did change, runs the work once more.
	 */
	private <T> Mono<T> withSchema(long tableId, Function<TableSchema, Mono<T>> work) {
		return this.schemas.get(tableId)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)))
			.flatMap((cached) -> attempt(cached, work).onErrorResume(RowService::mayBeStale,
					(error) -> this.schemas.refresh(tableId)
						.switchIfEmpty(Mono.error(error))
						.flatMap((fresh) -> (fresh.sequence() == cached.sequence()) ? Mono.error(error)
								: attempt(fresh, work))));
	}

	/** The work against one schema, a failure told as that schema explains it. */
	private static <T> Mono<T> attempt(TableSchema schema, Function<TableSchema, Mono<T>> work) {
		return Mono.defer(() -> work.apply(live(schema)))
			.onErrorMap((error) -> DatabaseErrors.writeFailure(schema, error));
	}

	/**
	 * Whether the failure may come from a stale schema: a refusal (of the row, or of the
	 * database, already told as a refusal) that a newer schema may not make.
	 */
	private static boolean mayBeStale(Throwable error) {
		return error instanceof RefusedException refused && refused.code() != ErrorCode.ROW_NOT_FOUND
				&& refused.code() != ErrorCode.TOO_MANY_ROWS && refused.code() != ErrorCode.TABLE_DELETED;
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, ValidRow row) {
		List<FieldDefinition> fields = row.fields();
		for (int i = 0; i < fields.size(); i++) {
			Object value = row.values().get(i);
			spec = (value != null) ? spec.bind(i, value) : spec.bindNull(i, JsonValues.nullType(fields.get(i)));
		}
		return spec;
	}

	private static Map<String, Object> read(TableSchema schema, Readable result) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put(FieldNames.ROW_ID, result.get(0));
		List<FieldDefinition> fields = schema.fields();
		for (int i = 0; i < fields.size(); i++) {
			FieldDefinition field = fields.get(i);
			row.put(field.name(), JsonValues.toJson(field.type(), result.get(i + 1)));
		}
		return row;
	}

	private static Map<String, Object> read(List<String> columns, List<FieldType> types, Readable result) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			row.put(columns.get(i), JsonValues.toJson(types.get(i), result.get(i)));
		}
		return row;
	}

	/** The type of each column's values: the field's, bigint for the row id. */
	private static List<FieldType> types(TableSchema schema, List<String> columns) {
		return columns.stream()
			.map((column) -> column.equals(FieldNames.ROW_ID) ? FieldType.BIGINT
					: schema.field(column).orElseThrow().type())
			.toList();
	}

	private static TableSchema live(TableSchema schema) {
		if (schema.deleted()) {
			throw RefusedException.tableDeleted(schema.tableId());
		}
		return schema;
	}

	private static RefusedException rowNotFound(long tableId, long rowId) {
		return new RefusedException(ErrorCode.ROW_NOT_FOUND, "", "table " + tableId + " has no row " + rowId);
	}

}
