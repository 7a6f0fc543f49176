package io.dyntables.query.projection;

import java.sql.SQLException;
import java.util.Set;

import io.dyntables.api.history.ProjectionProblem;
import io.dyntables.query.sql.SqlStates;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Names the problem behind a projection failure, for clients: from the projector's own
 * refusals and from the SQLSTATE PostgreSQL gave, never from message text.
 */
public final class ProjectionFailures {

	private static final Set<String> LOCK_CONFLICTS = Set.of(SqlStates.DEADLOCK_DETECTED,
			SqlStates.SERIALIZATION_FAILURE);

	/**
	 * The objects the DDL names are not there, or are there already: the table was
	 * changed outside the service (undefined column, table or object; duplicate column,
	 * table or object; dependent objects).
	 */
	private static final Set<String> DRIFT = Set.of(SqlStates.UNDEFINED_COLUMN, SqlStates.UNDEFINED_TABLE,
			SqlStates.UNDEFINED_OBJECT, SqlStates.DUPLICATE_COLUMN, SqlStates.DUPLICATE_TABLE,
			SqlStates.DUPLICATE_OBJECT, SqlStates.DEPENDENT_OBJECTS_STILL_EXIST);

	private ProjectionFailures() {
	}

	/**
	 * The problem behind a failure, {@link ProjectionProblem#INTERNAL} when none is
	 * known.
	 */
	public static ProjectionProblem classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ProjectionFault fault) {
				return fault.problem();
			}
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException) {
				return ProjectionProblem.DATABASE_UNAVAILABLE;
			}
			if (cause instanceof SQLException && !SqlStates.of(cause).isEmpty()) {
				return bySqlState(SqlStates.of(cause));
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ProjectionProblem.INTERNAL;
	}

	private static ProjectionProblem bySqlState(String state) {
		if (SqlStates.LOCK_NOT_AVAILABLE.equals(state)) {
			return ProjectionProblem.LOCK_TIMEOUT;
		}
		if (LOCK_CONFLICTS.contains(state)) {
			return ProjectionProblem.LOCK_CONFLICT;
		}
		if (DRIFT.contains(state)) {
			return ProjectionProblem.SCHEMA_DRIFT;
		}
		if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
			return ProjectionProblem.DATABASE_UNAVAILABLE;
		}
		return ProjectionProblem.DDL_FAILED;
	}

}
