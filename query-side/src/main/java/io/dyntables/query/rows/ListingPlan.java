package io.dyntables.query.rows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.table.TableSchema;
import io.dyntables.query.rows.ListingRequest.Count;
import io.dyntables.query.rows.ListingRequest.Format;
import io.dyntables.query.sql.RowSql.Query;

/**
 * A listing resolved against the table as the caller may see it: what to read, how to
 * count it, how to answer it. Values are in their fields' types, ready to bind.
 *
 * @param schema the table as the caller may read it
 * @param output the columns answered: the row id, then the selected fields
 * @param query the query to run, reading the answered columns and the sort keys
 * @param order the order as a cursor records it
 * @param count how to count the rows, or null for not at all
 * @param format the format asked for in the query, or null to go by the Accept header
 */
record ListingPlan(TableSchema schema, List<String> output, Query query, String order, Count count, Format format) {

	/**
	 * Whether the listing is a page (limited, with a next cursor) rather than all rows.
	 */
	boolean paged() {
		return this.query.limit() > 0;
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
