package io.dyntables.api.history;

import java.util.Locale;

/**
 * Why the projector could not yet apply a table's change, as clients see it: a stable
 * code and a sentence, never the SQL or the error the database gave (that goes to the
 * log). A waiting problem is expected to go away by itself (the table shows
 * {@code pending}); any other needs someone to look (the table shows {@code failed}).
 * Either way the change is retried until it applies.
 */
public enum ProjectionProblem {

	LOCK_TIMEOUT(true, "The table is locked by another session; the change waits and is retried until it applies."),
	LOCK_CONFLICT(true, "The change collided with another session's locks on the table; it is retried."),
	DATABASE_UNAVAILABLE(true, "The database could not be reached; the change is retried."),
	SCHEMA_DRIFT(false,
			"The table in the database no longer matches its recorded schema (it was changed outside "
					+ "the service); the change is retried and applies once the table is repaired. "
					+ "GET /api/table/{id}/drift shows the difference."),
	DDL_FAILED(false, "The database refused the change to the table; it is retried. The service log has the detail."),
	READ_MODEL_OUT_OF_STEP(false,
			"The service's record of the table disagrees with its events; the change is "
					+ "retried. A replay (POST /api/admin/replay) rebuilds the record."),
	INTERNAL(false, "The change could not be applied because of an internal error; it is retried. "
			+ "The service log has the detail.");

	private final boolean waiting;

	private final String message;

	ProjectionProblem(boolean waiting, String message) {
		this.waiting = waiting;
		this.message = message;
	}

	/** The code as clients see it: {@code lock-timeout}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** What it means for the client, in a sentence. */
	public String message() {
		return this.message;
	}

	/** Whether the table is only waiting (for a lock, for the database). */
	public boolean waiting() {
		return this.waiting;
	}

	/** The problem of a code, {@link #INTERNAL} for one this version does not know. */
	public static ProjectionProblem ofCode(String code) {
		for (ProjectionProblem problem : values()) {
			if (problem.code().equals(code)) {
				return problem;
			}
		}
		return INTERNAL;
	}

}
