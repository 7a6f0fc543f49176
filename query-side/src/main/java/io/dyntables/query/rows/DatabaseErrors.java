package io.dyntables.query.rows;

import java.util.Optional;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.sql.SqlStates;
import io.dyntables.sql.SchemaDdl;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcException;

/**
 * What PostgreSQL's refusal of a row statement means, by its SQLSTATE, in one place.
 * <ul>
 * <li>The table changed under the statement (it was built from an older schema): 42703
 * undefined column, 42P01 undefined table, 0A000 a cached plan whose result changed
 * shape, 42804 a value bound with a field's old type into a retyped column, 42883 no
 * operator between a field's old type and its column's new one. Only these are answered
 * "schema changed, retry" (409).</li>
 * <li>Class 22, data exception: PostgreSQL refuses a value. Every value is checked before
 * it is sent, so this is rare; but a column retyped since the schema was read refuses
 * values checked against the old type too. Writes therefore read the schema again: when
 * it changed, the statement is run once more against the new one; when it did not, the
 * value was wrong for its type (422 for a written value, 400 for a filter or
 * cursor).</li>
 * <li>A required field without value: the check of a required field (23514) or a
 * {@code NOT NULL} column (23502). Every row is checked before it is sent, so this means
 * the schema was read before the field became required: writes read the schema again and
 * run once more; when it did not change, the answer is 422 naming the field.</li>
 * <li>Refusals a client causes otherwise: a duplicate unique value (23505), two rows of
 * one upsert for the same conflict value (21000), a statement over its time limit
 * (57014).</li>
 * </ul>
 */
final class DatabaseErrors {

	private DatabaseErrors() {
	}

	/** The database's own error behind an error, if any. */
	static Optional<R2dbcException> database(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc) {
				return Optional.of(r2dbc);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

	private static String sqlState(Throwable error) {
		return SqlStates.of(error);
	}

	/**
	 * Whether the table is not shaped as the schema the statement was built from says.
	 */
	static boolean isStaleSchema(Throwable error) {
		return switch (sqlState(error)) {
			case SqlStates.UNDEFINED_COLUMN, SqlStates.UNDEFINED_TABLE, SqlStates.FEATURE_NOT_SUPPORTED,
					SqlStates.DATATYPE_MISMATCH, SqlStates.UNDEFINED_FUNCTION ->
				true;
			default -> false;
		};
	}

	/** Whether PostgreSQL refused a value (SQLSTATE class 22, data exception). */
	static boolean isValueError(Throwable error) {
		return sqlState(error).startsWith(SqlStates.DATA_EXCEPTION_CLASS);
	}

	/** Whether PostgreSQL refused a row without a value of a required field. */
	static boolean isMissingValue(Throwable error) {
		return switch (sqlState(error)) {
			case SqlStates.CHECK_VIOLATION, SqlStates.NOT_NULL_VIOLATION -> true;
			default -> false;
		};
	}

	/**
	 * Whether reading the schema again may explain the failure: the table changed, a
	 * value was refused by a column that may have been retyped, or a field became
	 * required.
	 */
	static boolean mayBeStale(Throwable error) {
		return isStaleSchema(error) || isValueError(error) || isMissingValue(error);
	}

	/**
	 * A failed write as a refusal when the client can act on it; anything else (our own
	 * fault) unchanged. The schema has been read again before: a stale schema or a
	 * refused value here is not explained by a change of the table.
	 */
	static Throwable writeFailure(TableSchema schema, Throwable error) {
		Optional<R2dbcException> database = database(error);
		if (database.isEmpty()) {
			return error;
		}
		return switch (String.valueOf(database.get().getSqlState())) {
			case SqlStates.UNIQUE_VIOLATION -> duplicate(schema, database.get());
			case SqlStates.CARDINALITY_VIOLATION -> new RefusedException(ErrorCode.INVALID_VALUE, "/query/onConflict",
					"two rows of the request hold the same value of the conflict field");
			case SqlStates.CHECK_VIOLATION, SqlStates.NOT_NULL_VIOLATION -> missing(schema, database.get());
			default -> isValueError(error)
					? new RefusedException(ErrorCode.INVALID_VALUE,
							column(database.get()).map((name) -> Refusal.pointer("", name)).orElse(""),
							"PostgreSQL refused a value for its field's type"
									+ column(database.get()).map((name) -> " ('" + name + "')").orElse(""))
					: readFailure(error);
		};
	}

	/**
	 * A failed read as a refusal when the client can act on it: over the statement time
	 * limit, against a table that changed shape, or with a filter or cursor value
	 * PostgreSQL refuses; anything else unchanged.
	 */
	static Throwable readFailure(Throwable error) {
		if (SqlStates.QUERY_CANCELED.equals(sqlState(error))) {
			return new RefusedException(ErrorCode.TIMEOUT, "",
					"the statement took longer than the row statement time limit; narrow the request");
		}
		if (isStaleSchema(error)) {
			return new RefusedException(ErrorCode.SCHEMA_CHANGED, "",
					"the table's schema changed while the request ran; retry it");
		}
		if (isValueError(error)) {
			return new RefusedException(ErrorCode.INVALID_PARAMETER, "",
					"PostgreSQL refused a filter or cursor value for its field's type");
		}
		return error;
	}

	/**
	 * A failed read as {@link #readFailure(Throwable)} tells it, and when the read has a
	 * full-text search, PostgreSQL's refusal of its language (42704, no such text search
	 * configuration) or of its query (42601, a query {@code to_tsquery} cannot read) as a
	 * refusal of that search's parameter.
	 * @param searched the parameter of the first full-text search, or null for none
	 */
	static Throwable readFailure(Throwable error, String searched) {
		if (searched != null) {
			switch (sqlState(error)) {
				case SqlStates.UNDEFINED_OBJECT -> {
					return ParameterRefusals.refused(searched,
							"PostgreSQL knows no text search configuration of the language given");
				}
				case SqlStates.SYNTAX_ERROR -> {
					return ParameterRefusals.refused(searched, "PostgreSQL cannot read the text search query");
				}
				default -> {
				}
			}
		}
		return readFailure(error);
	}

	/** The column PostgreSQL names in its report, if it names one. */
	private static Optional<String> column(R2dbcException error) {
		return (error instanceof PostgresqlException postgres) ? postgres.getErrorDetails().getColumnName()
				: Optional.empty();
	}

	/**
	 * A required field without value, naming the field by its check or its column.
	 */
	private static RefusedException missing(TableSchema schema, R2dbcException error) {
		Optional<String> field = Optional.empty();
		if (error instanceof PostgresqlException postgres) {
			String constraint = postgres.getErrorDetails().getConstraintName().orElse("");
			field = schema.fields()
				.stream()
				.map(FieldDefinition::name)
				.filter((name) -> SchemaDdl.requiredConstraint(schema.tableId(), name).equals("\"" + constraint + "\""))
				.findFirst()
				.or(() -> postgres.getErrorDetails().getColumnName());
		}
		return field
			.map((name) -> new RefusedException(ErrorCode.MISSING_VALUE, Refusal.pointer("", name),
					"the required field '" + name + "' has no value"))
			.orElseGet(() -> new RefusedException(ErrorCode.MISSING_VALUE, "", "a required field has no value"));
	}

	/** A duplicate unique value, naming the field by its constraint. */
	private static RefusedException duplicate(TableSchema schema, R2dbcException error) {
		String constraint = (error instanceof PostgresqlException postgres)
				? postgres.getErrorDetails().getConstraintName().orElse("") : "";
		for (FieldDefinition field : schema.fields()) {
			if (field.unique()
					&& SchemaDdl.uniqueConstraint(schema.tableId(), field.name()).equals("\"" + constraint + "\"")) {
				return new RefusedException(ErrorCode.DUPLICATE_VALUE, Refusal.pointer("", field.name()),
						"another row already holds this value of the unique field '" + field.name() + "'");
			}
		}
		return new RefusedException(ErrorCode.DUPLICATE_VALUE, "",
				"another row already holds a value of a unique field");
	}

}
