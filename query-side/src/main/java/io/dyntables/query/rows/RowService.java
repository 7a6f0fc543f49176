package io.dyntables.query.rows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.TableSchema;
import io.dyntables.query.catalog.SchemaCache;
import io.dyntables.query.rows.RowValidator.ValidRow;
import io.dyntables.query.sql.RowSql;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;

/**
 * Reads and writes rows of user tables over R2DBC, validated against the cached schema. A
 * statement that fails because the schema changed underneath it is retried once against
 * the current schema, and answered 409 if it still does not fit.
 */
@Service
public class RowService {

	private final DatabaseClient db;

	private final SchemaCache schemas;

	private final RowValidator validator;

	RowService(DatabaseClient db, SchemaCache schemas, JsonValues json) {
		this.db = db;
		this.schemas = schemas;
		this.validator = new RowValidator(json);
	}

	/** Inserts one row and answers it as stored, with its id. */
	public Mono<Map<String, Object>> insert(long tableId, Map<String, Object> row) {
		return withSchema(tableId, (schema) -> {
			ValidRow valid = this.validator.whole(schema, row, "");
			GenericExecuteSpec spec = bind(this.db.sql(RowSql.insert(schema, valid.fields())), valid);
			return spec.map((result) -> read(schema, result)).one();
		});
	}

	/** Every row, by id. */
	public Flux<Map<String, Object>> all(long tableId) {
		return this.schemas.get(tableId)
			.switchIfEmpty(Mono.error(() -> notFound(tableId)))
			.map(RowService::live)
			.flatMapMany((schema) -> this.db.sql(RowSql.selectAll(schema)).map((result) -> read(schema, result)).all());
	}

	/**
	 * Runs the work against the cached schema; when the work is refused or the database
	 * says the table is not what the schema says, reads the schema again and, if it did
	 * change, runs the work once more.
	 */
	private <T> Mono<T> withSchema(long tableId, Function<TableSchema, Mono<T>> work) {
		return this.schemas.get(tableId)
			.switchIfEmpty(Mono.error(() -> notFound(tableId)))
			.flatMap((cached) -> Mono.defer(() -> work.apply(live(cached)))
				.onErrorResume((error) -> mayBeStale(error),
						(error) -> this.schemas.refresh(tableId)
							.flatMap((fresh) -> (fresh.sequence() == cached.sequence()) ? Mono.error(error)
									: Mono.defer(() -> work.apply(live(fresh)))))
				.onErrorMap(SchemaErrors::isSchemaMismatch, (error) -> new RefusedException(ErrorCode.SCHEMA_CHANGED,
						"", "the table's schema changed while the request ran; retry it")));
	}

	private static boolean mayBeStale(Throwable error) {
		return error instanceof RefusedException || SchemaErrors.isSchemaMismatch(error);
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
			row.put(fields.get(i).name(), JsonValues.toJson(result.get(i + 1)));
		}
		return row;
	}

	private static TableSchema live(TableSchema schema) {
		if (schema.deleted()) {
			throw new RefusedException(ErrorCode.TABLE_DELETED, "", "table " + schema.tableId() + " was deleted");
		}
		return schema;
	}

	private static RefusedException notFound(long tableId) {
		return new RefusedException(ErrorCode.TABLE_NOT_FOUND, "", "no table with id " + tableId);
	}

	/** SQLSTATEs that mean the table is not shaped as the schema used said. */
	static final class SchemaErrors {

		private SchemaErrors() {
		}

		static boolean isSchemaMismatch(Throwable error) {
			if (!(error instanceof R2dbcException r2dbc) || r2dbc.getSqlState() == null) {
				return false;
			}
			String state = r2dbc.getSqlState();
			// undefined column or table, cached plan changed shape, a value no longer
			// fitting its column
			return state.equals("42703") || state.equals("42P01") || state.equals("0A000") || state.startsWith("22");
		}

	}

}
