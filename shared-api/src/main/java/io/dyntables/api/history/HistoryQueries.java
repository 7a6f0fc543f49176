package io.dyntables.api.history;

import java.time.Instant;

import io.dyntables.api.access.ShownFields;

/** The queries about a table's past, answered from the event store. */
public final class HistoryQueries {

	/** The most entries one history page holds. */
	public static final int MAX_PAGE = 500;

	private HistoryQueries() {
	}

	/**
	 * One page of a table's changes, oldest first; answers a {@link SchemaHistory}, or
	 * nothing when the table is unknown.
	 *
	 * @param tableId the table
	 * @param afterSequence the sequence number of the last entry already seen, -1 for the
	 * first page
	 * @param limit how many entries at most, 1 to {@link #MAX_PAGE}
	 * @param shown the fields the entries may tell of ({@link HiddenChanges})
	 */
	public record FetchSchemaHistory(long tableId, long afterSequence, int limit, ShownFields shown) {
	}

	/**
	 * The table's schema as it was at a version, or at an instant (exactly one of them
	 * given); answers a {@code TableView}, or nothing when the table did not exist then
	 * or has no such version. Deleted tables are included.
	 */
	public record FindTableAsOf(long tableId, Long version, Instant at) {
	}

	/**
	 * What changed between two versions of a table; answers a {@link SchemaDiff}, or
	 * nothing when the table or either version is unknown. Only the fields shown are
	 * compared ({@link SchemaDiff#between(java.util.List, long, long, ShownFields)}).
	 */
	public record FetchSchemaDiff(long tableId, long from, long to, ShownFields shown) {
	}

	/**
	 * Whether the table's latest change is applied to the database; answers a
	 * {@link ProjectionStatus}, or nothing when the table is unknown.
	 */
	public record FetchProjectionStatus(long tableId) {
	}

}
