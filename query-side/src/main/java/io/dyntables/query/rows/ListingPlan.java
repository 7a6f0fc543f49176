package io.dyntables.query.rows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.schema.FieldType;
import io.dyntables.query.rows.ListingRequest.Count;
import io.dyntables.query.rows.ListingRequest.Format;
import io.dyntables.query.sql.RowSql.Selection;

/**
 * A listing resolved against the table as the caller may see it: what to read, how to
 * count it, how to page and answer it. Values are in their fields' types, ready to bind.
 *
 * @param selection what to read: rows, or groups of rows
 * @param columns the names of the columns the selection reads, in order
 * @param types the type of each column's values
 * @param output the columns answered
 * @param next the cursor of the page after a page's last row
 * @param count how to count the rows, or null for not at all
 * @param format the format asked for in the query, or null to go by the Accept header
 * @param searched the parameter of the first full-text search, whose language or query
 * only PostgreSQL can check, or null
 */
record ListingPlan(Selection selection, List<String> columns, List<FieldType> types, List<String> output, NextPage next,
		Count count, Format format, String searched) {

	/** Makes the cursor of the page after a page. */
	@FunctionalInterface
	interface NextPage {

		/** The cursor of the page after the one ending with the given row. */
		String after(Map<String, Object> lastRow);

	}

	/**
	 * Whether the listing is a page (limited, with a next cursor) rather than all rows.
	 */
	boolean paged() {
		return this.selection.limit() > 0;
	}

	/** The row as answered: only the selected columns. */
	Map<String, Object> answered(Map<String, Object> row) {
		if (row.size() == this.output.size()) {
			return row;
		}
		Map<String, Object> answered = new LinkedHashMap<>();
		for (String column : this.output) {
			answered.put(column, row.get(column));
		}
		return answered;
	}

}
