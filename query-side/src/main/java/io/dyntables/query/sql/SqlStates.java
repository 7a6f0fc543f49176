package io.dyntables.query.sql;

import java.sql.SQLException;

import io.r2dbc.spi.R2dbcException;

/**
 * The SQLSTATEs the query side acts on, by name, and the one way it finds the SQLSTATE
 * behind a failure, from JDBC (the projector) and R2DBC (the rows) alike. What a state
 * means is decided where it is answered: {@code DatabaseErrors} for row statements,
 * {@code ProjectionFailures} for the projector's DDL.
 */
public final class SqlStates {

	/** A column the statement names is not there. */
	public static final String UNDEFINED_COLUMN = "42703";

	/** A table the statement names is not there. */
	public static final String UNDEFINED_TABLE = "42P01";

	/** An object the statement names is not there (a text search configuration). */
	public static final String UNDEFINED_OBJECT = "42704";

	/** A column of that name is there already. */
	public static final String DUPLICATE_COLUMN = "42701";

	/** A table of that name is there already. */
	public static final String DUPLICATE_TABLE = "42P07";

	/** An object (a constraint, an index) of that name is there already. */
	public static final String DUPLICATE_OBJECT = "42710";

	/** An object cannot be dropped: others depend on it. */
	public static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";

	/** The lock timeout ran out. */
	public static final String LOCK_NOT_AVAILABLE = "55P03";

	/** A deadlock was broken by cancelling this transaction. */
	public static final String DEADLOCK_DETECTED = "40P01";

	/** A serializable transaction met a concurrent change. */
	public static final String SERIALIZATION_FAILURE = "40001";

	/** No function or operator for the given types. */
	public static final String UNDEFINED_FUNCTION = "42883";

	/** A value of the wrong type for its column. */
	public static final String DATATYPE_MISMATCH = "42804";

	/** A cached plan whose result changed shape, among other unsupported features. */
	public static final String FEATURE_NOT_SUPPORTED = "0A000";

	/** A syntax error: in a statement, or in a text search query. */
	public static final String SYNTAX_ERROR = "42601";

	/** A row violates a unique constraint. */
	public static final String UNIQUE_VIOLATION = "23505";

	/** A row violates a check constraint. */
	public static final String CHECK_VIOLATION = "23514";

	/** A row holds null in a NOT NULL column. */
	public static final String NOT_NULL_VIOLATION = "23502";

	/**
	 * One statement changes a row twice (an upsert with two rows of one conflict value).
	 */
	public static final String CARDINALITY_VIOLATION = "21000";

	/** The statement was cancelled: over its time limit, or by request. */
	public static final String QUERY_CANCELED = "57014";

	/** The class of data exceptions: PostgreSQL refused a value. */
	public static final String DATA_EXCEPTION_CLASS = "22";

	private SqlStates() {
	}

	/**
	 * The SQLSTATE of the first database error behind the failure, or the empty string
	 * when there is none.
	 */
	public static String of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String state = null;
			if (cause instanceof R2dbcException r2dbc) {
				state = r2dbc.getSqlState();
			}
			else if (cause instanceof SQLException sql) {
				state = sql.getSQLState();
			}
			if (state != null) {
				return state;
			}
		}
		return "";
	}

}
