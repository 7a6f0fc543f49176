package io.dyntables.api.table;

import java.util.List;

import io.dyntables.api.table.Events.TableEvent;

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

	/**
	 * The DDL these events would run, applied in order to the table as projected at
	 * {@code baseSequence} (ignored for a creation); answers a {@link DdlPreview}.
	 */
	public record PreviewDdl(long tableId, long baseSequence, List<TableEvent> events) {
	}

	/** The statements a change would run, in order. */
	public record DdlPreview(List<DdlStatement> statements) {
	}

}
