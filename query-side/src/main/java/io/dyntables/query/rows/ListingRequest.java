package io.dyntables.query.rows;

import java.util.List;
import java.util.Set;

import io.dyntables.query.sql.RowSql.Aggregate;
import io.dyntables.query.sql.RowSql.Operator;

/**
 * A row listing as the query parameters write it, before anything is known of the table:
 * names are still the client's text, values still text. {@link ListingParser} makes it,
 * {@link ListingPlanner} resolves it against the table.
 *
 * @param select what is asked for, or null for every field
 * @param where the conditions every listed row meets
 * @param order the ordering keys as given, maybe none
 * @param limit the most rows of a page, or 0 for every row
 * @param after the cursor of the page to answer, or null for the first
 * @param count how to count the rows, or null for not at all
 * @param format the format asked for in the query, or null to go by the Accept header
 */
record ListingRequest(List<Selected> select, List<Condition> where, List<OrderKey> order, int limit, String after,
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

	/**
	 * One item of {@code select}: a field ({@code age}) or an aggregate ({@code count()},
	 * {@code total:sum(price)}).
	 *
	 * @param alias the name the aggregate is answered under, or null for its function's
	 * name
	 * @param function the aggregate, or null for a field
	 * @param field the field's name as given, or null for a count of rows
	 */
	record Selected(String alias, Aggregate function, String field) {

		/** The name the item is answered under. */
		String name() {
			if (this.alias != null) {
				return this.alias;
			}
			return (this.function != null) ? this.function.functionName() : this.field;
		}

	}

	/**
	 * A condition on rows. Consumers dispatch over the kinds with {@code instanceof} and
	 * refuse a kind they do not know; {@code ListingPlannerTest} plans every kind.
	 */
	sealed interface Condition permits Comparison, Logic {

		/** The query parameter the condition was given in, for refusals. */
		String parameter();

	}

	/**
	 * A field compared with values: {@code field=op.value}, {@code field=not.op.value},
	 * or {@code field.op.value} inside {@code or=(...)}.
	 *
	 * @param parameter the query parameter it was given in
	 * @param field the field's name as given
	 * @param negated whether the rows that do not meet the comparison are meant
	 * @param operator the comparison
	 * @param language the text search configuration of a full-text search, or null
	 * @param values the values as given (none for the is operators, the pattern for like)
	 */
	record Comparison(String parameter, String field, boolean negated, Operator operator, String language,
			List<String> values) implements Condition {

		Comparison {
			values = List.copyOf(values);
		}

	}

	/**
	 * Conditions combined: {@code or=(a,b)}, {@code and=(a,b)}, {@code not.or=(a,b)},
	 * nested as {@code or(a,b)} and {@code not.and(a,b)}.
	 *
	 * @param parameter the query parameter it was given in
	 * @param any whether any condition is enough (or) rather than all (and)
	 * @param negated whether the rows that do not meet the combination are meant
	 * @param conditions the conditions, at least one
	 */
	record Logic(String parameter, boolean any, boolean negated, List<Condition> conditions) implements Condition {

		Logic {
			conditions = List.copyOf(conditions);
		}

	}

	/** An ordering key as given: {@code name} or {@code name.desc}. */
	record OrderKey(String name, boolean descending) {

	}

}
