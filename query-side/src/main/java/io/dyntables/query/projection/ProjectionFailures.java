package io.dyntables.query.projection;

import java.sql.SQLException;
import java.util.Set;

import io.dyntables.api.history.ProjectionProblem;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Names the problem behind a projection failure, for clients: from the projector's own
 * refusals and from the SQLSTATE PostgreSQL gave, never from message text.
 */
public final class ProjectionFailures {

	/** lock_not_available: the lock timeout ran out. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	/** deadlock_detected, serialization_failure. */
	private static final Set<String> LOCK_CONFLICTS = Set.of("40P01", "40001");

	/**
	 * The objects the DDL names are not there, or are there already: the table was
	 * changed outside the service (undefined column, table or object; duplicate column,
	 * table or object; dependent objects).
	 */
	private static final Set<String> DRIFT = Set.of("42703", "42P01", "42704", "42701", "42P07", "42710", "2BP01");

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
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return bySqlState(sql.getSQLState());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ProjectionProblem.INTERNAL;
	}

	private static ProjectionProblem bySqlState(String state) {
		if (LOCK_NOT_AVAILABLE.equals(state)) {
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
