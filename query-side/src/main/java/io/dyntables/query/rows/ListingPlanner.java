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
import io.dyntables.query.rows.ListingRequest.Logic;
import io.dyntables.query.rows.ListingRequest.OrderKey;
import io.dyntables.query.rows.ListingRequest.Selected;
import io.dyntables.query.sql.RowSql;
import io.dyntables.query.sql.RowSql.Aggregate;
import io.dyntables.query.sql.RowSql.Filter;
import io.dyntables.query.sql.RowSql.GroupSort;
import io.dyntables.query.sql.RowSql.Groups;
import io.dyntables.query.sql.RowSql.Junction;
import io.dyntables.query.sql.RowSql.Operator;
import io.dyntables.query.sql.RowSql.Output;
import io.dyntables.query.sql.RowSql.Query;
import io.dyntables.query.sql.RowSql.Sort;
import io.dyntables.sql.Sql;
import tools.jackson.databind.json.JsonMapper;

import static io.dyntables.query.rows.ParameterRefusals.printable;
import static io.dyntables.query.rows.ParameterRefusals.refused;

/**
 * Resolves a {@link ListingRequest} against the table as the caller may see it: a field
 * the caller may not read is no field (in select, order and filters), the rows the caller
 * may read bound every query (AND-ed to the client's conditions, so no {@code or} reaches
 * past them), and every value is read by its field's type ({@link FieldValues#fromText})
 * into the value bound for it. A select with aggregates plans groups: the selected fields
 * are grouped by, ordered by what {@code order} names (fields or aggregates by their
 * answered names), then by every grouped field, and paged by position.
 */
final class ListingPlanner {

	private ListingPlanner() {
	}

	/**
	 * The plan of the request.
	 * @param request the listing as parsed
	 * @param scope the caller's limits on the table
	 * @param mapper reads and writes cursors
	 */
	static ListingPlan plan(ListingRequest request, RowScope scope, JsonMapper mapper) {
		TableSchema schema = scope.readable();
		List<RowSql.Condition> conditions = new ArrayList<>();
		for (Condition condition : request.where()) {
			conditions.add(condition(schema, condition));
		}
		String searched = searched(request.where());
		boolean grouped = request.select() != null
				&& request.select().stream().anyMatch((item) -> item.function() != null);
		if (grouped) {
			return groups(request, scope, conditions, searched, mapper);
		}
		return rows(request, scope, conditions, searched, mapper);
	}

	private static ListingPlan rows(ListingRequest request, RowScope scope, List<RowSql.Condition> conditions,
			String searched, JsonMapper mapper) {
		TableSchema schema = scope.readable();
		List<String> output = select(schema, request.select());
		List<Sort> sorts = order(schema, request.order());
		String order = orderText(sorts);
		List<Object> after = (request.after() != null) ? Cursor.read(schema, request.after(), order, sorts, mapper)
				: null;
		Set<String> columns = new LinkedHashSet<>(output);
		sorts.forEach((sort) -> columns.add(sort.column()));
		List<String> read = List.copyOf(columns);
		Query query = new Query(schema, read, conditions, sorts, after, request.limit(), scope.read());
		List<FieldType> types = read.stream().map((column) -> typeOf(schema, column)).toList();
		return new ListingPlan(query, read, types, output, (last) -> Cursor.after(last, order, sorts, mapper),
				request.count(), request.format(), searched);
	}

	private static ListingPlan groups(ListingRequest request, RowScope scope, List<RowSql.Condition> conditions,
			String searched, JsonMapper mapper) {
		TableSchema schema = scope.readable();
		List<Output> outputs = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<FieldType> types = new ArrayList<>();
		for (Selected item : request.select()) {
			String name = item.name();
			if (names.contains(name)) {
				throw refused("select", "'select' answers '" + printable(name) + "' twice; give one an alias, "
						+ "as in most:max(price)");
			}
			String column = null;
			FieldType type = FieldType.BIGINT;
			if (item.field() != null) {
				column = item.field().equals(FieldNames.ROW_ID) ? FieldNames.ROW_ID
						: field(schema, item.field(), "select").name();
				type = typeOf(schema, column);
			}
			if (item.function() == null) {
				if (type == FieldType.JSON) {
					throw refused("select", "json field '" + column + "' cannot be grouped by");
				}
			}
			else if (column != null && !item.function().takes(type)) {
				throw refused("select", item.function().functionName() + "() does not take " + type.jsonName()
						+ " field '" + column + "'; " + takes(item.function()));
			}
			outputs.add(new Output(item.function(), column));
			names.add(name);
			types.add((item.function() == null) ? type : item.function().resultType(type));
		}
		List<GroupSort> sorts = new ArrayList<>();
		Set<Integer> sorted = new LinkedHashSet<>();
		StringBuilder order = new StringBuilder("groups:").append(String.join(",", signature(outputs, names)));
		for (OrderKey key : request.order()) {
			int index = names.indexOf(key.name());
			if (index < 0) {
				throw refused("order", "the order of a listing with aggregates names what it answers (a selected "
						+ "field, an aggregate by its name or alias), not '" + printable(key.name()) + "'");
			}
			if (!sorted.add(index)) {
				throw refused("order", "'order' names '" + key.name() + "' twice");
			}
			sorts.add(new GroupSort(index, key.descending()));
			order.append(';').append(key.name()).append(key.descending() ? ".desc" : ".asc");
		}
		// every grouped output last, so that each group has one place and pages neither
		// repeat nor miss one
		for (int i = 0; i < outputs.size(); i++) {
			if (outputs.get(i).grouped() && !sorted.contains(i)) {
				sorts.add(new GroupSort(i, false));
			}
		}
		String cursorOrder = order.toString();
		long offset = (request.after() != null) ? Cursor.offset(request.after(), cursorOrder, mapper) : 0;
		int limit = request.limit();
		Groups groups = new Groups(schema, outputs, conditions, sorts, limit, offset, scope.read());
		return new ListingPlan(groups, names, types, names, (last) -> Cursor.at(offset + limit, cursorOrder, mapper),
				request.count(), request.format(), searched);
	}

	/** The outputs as a cursor records them: the same select makes the same cursor. */
	private static List<String> signature(List<Output> outputs, List<String> names) {
		List<String> signature = new ArrayList<>();
		for (int i = 0; i < outputs.size(); i++) {
			Output output = outputs.get(i);
			signature.add(output.grouped() ? output.column() : names.get(i) + ":" + output.function().functionName()
					+ "(" + ((output.column() != null) ? output.column() : "") + ")");
		}
		return signature;
	}

	private static String takes(Aggregate function) {
		return switch (function) {
			case COUNT -> "count() takes any field";
			case SUM, AVG -> function.functionName() + "() takes integer, bigint, decimal and float fields";
			case MIN, MAX -> function.functionName()
					+ "() takes string, text, integer, bigint, decimal, float, date and timestamp fields";
		};
	}

	/** The parameter of the first full-text search, in the order given. */
	private static String searched(List<Condition> conditions) {
		for (Condition condition : conditions) {
			if (condition instanceof Comparison comparison && comparison.operator().searchesText()) {
				return comparison.parameter();
			}
			if (condition instanceof Logic logic && searched(logic.conditions()) != null) {
				return logic.parameter();
			}
		}
		return null;
	}

	private static List<String> select(TableSchema schema, List<Selected> select) {
		List<String> output = new ArrayList<>();
		output.add(FieldNames.ROW_ID);
		if (select == null) {
			schema.fields().forEach((field) -> output.add(field.name()));
			return output;
		}
		for (Selected item : select) {
			String name = item.field();
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

	/** The type of a column's values: the field's, bigint for the row id. */
	private static FieldType typeOf(TableSchema schema, String column) {
		return column.equals(FieldNames.ROW_ID) ? FieldType.BIGINT : schema.field(column).orElseThrow().type();
	}

	/** A condition of the request as SQL conditions it. */
	private static RowSql.Condition condition(TableSchema schema, Condition condition) {
		if (condition instanceof Comparison comparison) {
			return filter(schema, comparison);
		}
		if (condition instanceof Logic logic) {
			List<RowSql.Condition> conditions = new ArrayList<>();
			for (Condition part : logic.conditions()) {
				conditions.add(condition(schema, part));
			}
			return new Junction(logic.any(), logic.negated(), conditions);
		}
		throw new IllegalArgumentException("no plan for a condition of " + condition.getClass());
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
		boolean negated = comparison.negated();
		if ((operator == Operator.IS_TRUE || operator == Operator.IS_FALSE || operator == Operator.IS_UNKNOWN)
				&& field.type() != FieldType.BOOLEAN) {
			throw refused(name, "is.true, is.false and is.unknown apply to boolean fields");
		}
		if (operator.takesNoValue()) {
			return new Filter(field.name(), operator, List.of(), negated, null);
		}
		if (field.type() == FieldType.JSON) {
			throw refused(name, "json fields can only be filtered with is.null and is.not_null");
		}
		boolean textual = field.type() == FieldType.STRING || field.type() == FieldType.TEXT;
		if (operator == Operator.LIKE || operator == Operator.ILIKE) {
			if (!textual) {
				throw refused(name, "like and ilike apply to string and text fields");
			}
			return new Filter(field.name(), operator, List.of(pattern(name, comparison.values().get(0))), negated,
					null);
		}
		if (operator.searchesText() && !textual) {
			throw refused(name, "fts, plfts, phfts and wfts apply to string and text fields");
		}
		List<Object> values = new ArrayList<>();
		for (String text : comparison.values()) {
			values.add(value(name, field, text));
		}
		return new Filter(field.name(), operator, values, negated, comparison.language());
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
