package io.dyntables.api.error;

import java.util.List;

/**
 * A request refused for one or more reasons; rendered as a Problem Details answer whose
 * status follows from the first reason's code. Crosses the command bus as the details of
 * a {@code CommandExecutionException}.
 */
public class RefusedException extends RuntimeException {

	private final List<Refusal> refusals;

	public RefusedException(List<Refusal> refusals) {
		super(refusals.isEmpty() ? "refused" : refusals.get(0).detail());
		if (refusals.isEmpty()) {
			throw new IllegalArgumentException("a refusal needs a reason");
		}
		this.refusals = List.copyOf(refusals);
	}

	public RefusedException(ErrorCode code, String pointer, String detail) {
		this(List.of(Refusal.of(code, pointer, detail)));
	}

	/**
	 * The refusal of a request naming a table that does not exist (or no longer does).
	 */
	public static RefusedException tableNotFound(long tableId) {
		return new RefusedException(ErrorCode.TABLE_NOT_FOUND, "", "no table with id " + tableId);
	}

	/** The refusal of a request naming a table that was deleted. */
	public static RefusedException tableDeleted(long tableId) {
		return new RefusedException(ErrorCode.TABLE_DELETED, "", "table " + tableId + " was deleted");
	}

	public List<Refusal> refusals() {
		return this.refusals;
	}

	public ErrorCode code() {
		return this.refusals.get(0).code();
	}

}
