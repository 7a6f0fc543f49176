package io.dyntables.api.table;

/** The queries the query side answers about tables. */
public final class Queries {

	private Queries() {
	}

	/**
	 * One table's current schema; answers a {@link TableView}, or nothing when unknown.
	 */
	public record FindTable(long tableId) {
	}

	/** Every live table; answers a list of {@link TableView}. */
	public record FindAllTables() {
	}

}
