package io.dyntables.query.rows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.schema.FieldValues;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.rows.ListingRequest.Comparison;
import io.dyntables.query.rows.ListingRequest.Condition;
import io.dyntables.query.rows.ListingRequest.OrderKey;
import io.dyntables.query.sql.RowSql.Filter;
import io.dyntables.query.sql.RowSql.Operator;
import io.dyntables.query.sql.RowSql.Query;
import io.dyntables.query.sql.RowSql.Sort;
import io.dyntables.sql.Sql;
import tools.jackson.databind.json.JsonMapper;

import static io.dyntables.query.rows.ParameterRefusals.printable;
import static io.dyntables.query.rows.ParameterRefusals.refused;

/**
 * Resolves a {@link ListingRequest} against the table as the caller may see it: a field
 * the caller may not read is no field (in select, order and filters), the rows the caller
 * may read bound every query, and every value is read by its field's type
 * ({@link FieldValues#fromText}) into the value bound for it.
 */
final class ListingPlanner {

	private ListingPlanner() {
	}

	/**
	 * The plan of the request.
	 * @param request the listing as parsed
	 * @param scope the caller's limits on the table
	 * @param mapper reads cursors
	 */
	static ListingPlan plan(ListingRequest request, RowScope scope, JsonMapper mapper) {
		TableSchema schema = scope.readable();
		List<String> output = select(schema, request.select());
		List<Sort> sorts = order(schema, request.order());
		String order = orderText(sorts);
		List<Object> after = (request.after() != null) ? Cursor.read(schema, request.after(), order, sorts, mapper)
				: null;
		List<Filter> filters = new ArrayList<>();
		for (Condition condition : request.where()) {
			filters.add(filter(schema, (Comparison) condition));
		}
		Set<String> columns = new LinkedHashSet<>(output);
		sorts.forEach((sort) -> columns.add(sort.column()));
		Query query = new Query(schema, List.copyOf(columns), filters, sorts, after, request.limit(), scope.read());
		return new ListingPlan(schema, output, query, order, request.count(), request.format());
	}

	private static List<String> select(TableSchema schema, List<String> select) {
		List<String> output = new ArrayList<>();
		output.add(FieldNames.ROW_ID);
		if (select == null) {
			schema.fields().forEach((field) -> output.add(field.name()));
			return output;
		}
		for (String name : select) {
			if (name.equals(FieldNames.ROW_ID)) {
				continue;
			}
			FieldDefinition field = field(schema, name, "select");
			if (output.contains(field.name())) {
				throw refused("select", "'select' names '" + name + "' twice");
			}
			output.add(field.name());
		}
		return output;
	}

	private static List<Sort> order(TableSchema schema, List<OrderKey> keys) {
		List<Sort> sorts = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (OrderKey key : keys) {
			String column = key.name().equals(FieldNames.ROW_ID) ? FieldNames.ROW_ID
					: field(schema, key.name(), "order").name();
			if (!column.equals(FieldNames.ROW_ID) && schema.field(column).orElseThrow().type() == FieldType.JSON) {
				throw refused("order", "json field '" + column + "' cannot be ordered by");
			}
			if (!seen.add(column)) {
				throw refused("order", "'order' names '" + column + "' twice");
			}
			sorts.add(new Sort(column, key.descending()));
			if (column.equals(FieldNames.ROW_ID)) {
				return sorts;
			}
		}
		sorts.add(new Sort(FieldNames.ROW_ID, false));
		return sorts;
	}

	private static String orderText(List<Sort> sorts) {
		StringBuilder text = new StringBuilder();
		for (Sort sort : sorts) {
			if (!text.isEmpty()) {
				text.append(',');
			}
			text.append(sort.column()).append(sort.descending() ? ".desc" : ".asc");
		}
		return text.toString();
	}

	private static FieldDefinition field(TableSchema schema, String name, String parameter) {
		Optional<FieldDefinition> field = schema.field(name);
		if (field.isEmpty()) {
			throw refused(parameter, "'" + parameter + "' names no field of the table: '" + printable(name) + "'");
		}
		return field.get();
	}

	/** A comparison of a field, its values in the field's type. */
	private static Filter filter(TableSchema schema, Comparison comparison) {
		String name = comparison.parameter();
		FieldDefinition field = comparison.field().equals(FieldNames.ROW_ID)
				? FieldDefinition.of(FieldNames.ROW_ID, FieldType.BIGINT)
				: schema.field(comparison.field())
					.orElseThrow(() -> refused(name,
							"the table has no field '" + printable(comparison.field())
									+ "' to filter on (parameters other than "
									+ String.join(", ", ListingRequest.RESERVED) + " are filters)"));
		Operator operator = comparison.operator();
		if ((operator == Operator.IS_TRUE || operator == Operator.IS_FALSE) && field.type() != FieldType.BOOLEAN) {
			throw refused(name, "is.true and is.false apply to boolean fields");
		}
		if (operator.takesNoValue()) {
			return new Filter(field.name(), operator, List.of());
		}
		if (field.type() == FieldType.JSON) {
			throw refused(name, "json fields can only be filtered with is.null and is.notnull");
		}
		if (operator == Operator.LIKE || operator == Operator.ILIKE) {
			if (field.type() != FieldType.STRING && field.type() != FieldType.TEXT) {
				throw refused(name, "like and ilike apply to string and text fields");
			}
			return new Filter(field.name(), operator, List.of(pattern(name, comparison.values().get(0))));
		}
		List<Object> values = new ArrayList<>();
		for (String text : comparison.values()) {
			values.add(value(name, field, text));
		}
		return new Filter(field.name(), operator, values);
	}

	/**
	 * The equality of a field to a value given as text, parsed as strictly as a filter's.
	 * @throws RefusedException when the field cannot hold the value
	 */
	static Filter equality(FieldDefinition field, String text) {
		return new Filter(field.name(), Operator.EQ, List.of(value(field.name(), field, text)));
	}

	/** A LIKE pattern: {@code *} is the wildcard, every other character itself. */
	private static String pattern(String name, String argument) {
		value(name, FieldDefinition.of(name, FieldType.TEXT), argument);
		StringBuilder pattern = new StringBuilder();
		for (char c : argument.toCharArray()) {
			switch (c) {
				case '*' -> pattern.append('%');
				case '%', '_', '\\' -> pattern.append('\\').append(c);
				default -> pattern.append(c);
			}
		}
		return pattern.toString();
	}

	/** A value given as text in its field's type, ready to bind. */
	private static Object value(String name, FieldDefinition field, String text) {
		try {
			return bindable(field.type(), FieldValues.fromText(field.type(), text));
		}
		catch (FieldValues.InvalidValue ex) {
			throw refused(name,
					"the value for '" + field.name() + "' " + ex.getMessage() + ", not '" + printable(text) + "'");
		}
	}

	/** A checked value as it is bound: as text for the types that cross as text. */
	static Object bindable(FieldType type, Object value) {
		return Sql.viaText(type) ? PostgresText.write(value) : value;
	}

}
