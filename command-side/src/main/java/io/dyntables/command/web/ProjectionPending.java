package io.dyntables.command.web;

/**
 * A command was applied, but the projection had not caught up within the wait: answered
 * 202 with the table's address to poll.
 */
public final class ProjectionPending extends RuntimeException {

	private final long tableId;

	ProjectionPending(long tableId) {
		super("table " + tableId + " is not projected yet", null, false, false);
		this.tableId = tableId;
	}

	public long tableId() {
		return this.tableId;
	}

}
