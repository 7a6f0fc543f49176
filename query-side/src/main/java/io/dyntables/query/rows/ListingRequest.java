package io.dyntables.query.rows;

import java.util.List;
import java.util.Set;

import io.dyntables.query.sql.RowSql.Operator;

/**
 * A row listing as the query parameters write it, before anything is known of the table:
 * names are still the client's text, values still text. {@link ListingParser} makes it,
 * {@link ListingPlanner} resolves it against the table.
 *
 * @param select the fields asked for, or null for every field
 * @param where the conditions every listed row meets
 * @param order the ordering keys as given, maybe none
 * @param limit the most rows of a page, or 0 for every row
 * @param after the cursor of the page to answer, or null for the first
 * @param count how to count the rows, or null for not at all
 * @param format the format asked for in the query, or null to go by the Accept header
 */
record ListingRequest(List<String> select, List<Condition> where, List<OrderKey> order, int limit, String after,
		Count count, Format format) {

	/** Query parameters that are not filters. */
	static final Set<String> RESERVED = Set.of("select", "order", "limit", "after", "count", "format");

	/** How to count the rows the filters select. */
	enum Count {

		EXACT, ESTIMATED

	}

	/** The answer's format. */
	enum Format {

		JSON, NDJSON, CSV

	}

	/** A condition on rows. */
	sealed interface Condition permits Comparison {

		/** The query parameter the condition was given in, for refusals. */
		String parameter();

	}

	/**
	 * A field compared with values: {@code field=op.value}.
	 *
	 * @param parameter the query parameter it was given in
	 * @param field the field's name as given
	 * @param operator the comparison
	 * @param values the values as given (none for the is operators, the pattern for like)
	 */
	record Comparison(String parameter, String field, Operator operator, List<String> values) implements Condition {

		Comparison {
			values = List.copyOf(values);
		}

	}

	/** An ordering key as given: {@code name} or {@code name.desc}. */
	record OrderKey(String name, boolean descending) {

	}

}
