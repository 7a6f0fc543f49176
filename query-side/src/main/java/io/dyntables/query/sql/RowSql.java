package io.dyntables.query.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.sql.Sql;

/**
 * Row statements. Columns are always named from the schema the row was validated against,
 * never {@code *}: a cached statement then cannot silently change shape after a schema
 * change.
 */
public final class RowSql {

	private RowSql() {
	}

	/**
	 * The row id and every field, in schema order, each read as
	 * {@link Sql#readExpression} says.
	 */
	public static String selectList(TableSchema schema) {
		List<String> names = new ArrayList<>();
		names.add(FieldNames.ROW_ID);
		schema.fields().forEach((field) -> names.add(field.name()));
		return readList(schema, names);
	}

	/** The columns, each read as {@link Sql#readExpression} says. */
	private static String readList(TableSchema schema, List<String> columns) {
		StringJoiner list = new StringJoiner(", ");
		for (String column : columns) {
			list.add(schema.field(column).map(Sql::readExpression).orElseGet(() -> Sql.column(column)));
		}
		return list.toString();
	}

	/** The type of a column's values: the field's, or bigint for the row id. */
	private static FieldType typeOf(TableSchema schema, String column) {
		return schema.field(column).map(FieldDefinition::type).orElse(FieldType.BIGINT);
	}

	/** Inserts one row of these fields ($1..$n in order) and returns it whole. */
	public static String insert(TableSchema schema, List<FieldDefinition> fields) {
		String table = Sql.table(schema.physicalName());
		if (fields.isEmpty()) {
			return "INSERT INTO " + table + " DEFAULT VALUES RETURNING " + selectList(schema);
		}
		StringJoiner placeholders = new StringJoiner(", ");
		for (int i = 1; i <= fields.size(); i++) {
			placeholders.add(Sql.parameter(i, fields.get(i - 1).type()));
		}
		return "INSERT INTO " + table + " (" + Sql.columns(fields.stream().map(FieldDefinition::name).toList())
				+ ") VALUES (" + placeholders + ") RETURNING " + selectList(schema);
	}

	/** The row with this id ($1). */
	public static String selectOne(TableSchema schema) {
		return "SELECT " + selectList(schema) + " FROM " + Sql.table(schema.physicalName()) + " WHERE "
				+ Sql.column(FieldNames.ROW_ID) + " = $1";
	}

	/**
	 * The row with this id ($1) if it is in the scope (its values follow as parameters),
	 * read as the answered schema (the fields the caller may read) says.
	 */
	public static Statement selectOne(TableSchema answered, Scope scope) {
		List<Object> parameters = new ArrayList<>();
		parameters.add(null);
		String sql = selectOne(answered) + " AND " + scope(scope, parameters, "");
		return new Statement(sql, parameters.subList(1, parameters.size()));
	}

	/**
	 * Sets these fields ($1..$n in order) of the row whose id is $n+1 and returns it
	 * whole.
	 */
	public static String update(TableSchema schema, List<FieldDefinition> fields) {
		StringJoiner assignments = new StringJoiner(", ");
		for (int i = 0; i < fields.size(); i++) {
			assignments.add(Sql.column(fields.get(i).name()) + " = " + Sql.parameter(i + 1, fields.get(i).type()));
		}
		return "UPDATE " + Sql.table(schema.physicalName()) + " SET " + assignments + " WHERE "
				+ Sql.column(FieldNames.ROW_ID) + " = $" + (fields.size() + 1) + " RETURNING " + selectList(schema);
	}

	/** Deletes the row whose id is $1. */
	public static String delete(TableSchema schema) {
		return "DELETE FROM " + Sql.table(schema.physicalName()) + " WHERE " + Sql.column(FieldNames.ROW_ID) + " = $1";
	}

	/**
	 * Deletes the row whose id is $1 if it is in the scope (whose values follow as
	 * parameters).
	 */
	public static Statement delete(TableSchema schema, Scope scope) {
		List<Object> parameters = new ArrayList<>();
		parameters.add(null);
		String sql = delete(schema) + " AND " + scope(scope, parameters, "");
		return new Statement(sql, parameters.subList(1, parameters.size()));
	}

	/**
	 * Sets these fields ($1..$n in order) of the row whose id is $n+1 if it meets every
	 * scope (their values follow as parameters), and returns it as the answered schema
	 * reads it.
	 */
	public static Statement update(TableSchema answered, List<FieldDefinition> fields, List<Scope> scopes) {
		List<Object> parameters = new ArrayList<>();
		for (int i = 0; i <= fields.size(); i++) {
			parameters.add(null);
		}
		StringJoiner assignments = new StringJoiner(", ");
		for (int i = 0; i < fields.size(); i++) {
			assignments.add(Sql.column(fields.get(i).name()) + " = " + Sql.parameter(i + 1, fields.get(i).type()));
		}
		StringBuilder sql = new StringBuilder("UPDATE ").append(Sql.table(answered.physicalName()))
			.append(assignments.length() > 0 ? " SET " + assignments
					: " SET " + Sql.column(FieldNames.ROW_ID) + " = " + Sql.column(FieldNames.ROW_ID))
			.append(" WHERE ")
			.append(Sql.column(FieldNames.ROW_ID))
			.append(" = $")
			.append(fields.size() + 1);
		for (Scope scope : scopes) {
			sql.append(" AND ").append(scope(scope, parameters, ""));
		}
		sql.append(" RETURNING ").append(selectList(answered));
		return new Statement(sql.toString(), parameters.subList(fields.size() + 1, parameters.size()));
	}

	/** Inserts $1 rows of defaults only (a table without fields holds ids alone). */
	public static String insertDefaults(TableSchema schema) {
		return "INSERT INTO " + Sql.table(schema.physicalName()) + " SELECT FROM generate_series(1, $1)";
	}

	/** Refreshes the planner's statistics of the table. */
	public static String analyze(TableSchema schema) {
		return "ANALYZE " + Sql.table(schema.physicalName());
	}

	/**
	 * Loads rows of these fields, in the text format of COPY, from the client. The
	 * columns parse each value as a cast from text does, so they check sizes themselves.
	 */
	public static String copyIn(TableSchema schema, List<FieldDefinition> fields) {
		return "COPY " + Sql.table(schema.physicalName()) + " ("
				+ Sql.columns(fields.stream().map(FieldDefinition::name).toList()) + ") FROM STDIN";
	}

	/**
	 * Inserts many rows at once: parameter $i is a text array holding the i-th field's
	 * values of every row (already checked, in their canonical text form, nulls as SQL
	 * nulls), cast to the column's base type so the column itself checks sizes. With a
	 * conflict field, a row whose value of that unique field exists updates that row.
	 */
	public static String bulkInsert(TableSchema schema, List<FieldDefinition> fields, String conflictField) {
		return bulkInsert(schema, fields, conflictField, fields, null).sql();
	}

	/**
	 * Inserts many rows as {@link #bulkInsert(TableSchema, List, String)} does; a row
	 * whose conflict field's value exists updates only the {@code updated} fields of that
	 * row, and only when that row is in the scope (whose values are the parameters after
	 * the arrays): else the row is neither inserted nor updated, which the count of rows
	 * written tells.
	 */
	public static Statement bulkInsert(TableSchema schema, List<FieldDefinition> fields, String conflictField,
			List<FieldDefinition> updated, Scope scope) {
		String table = Sql.table(schema.physicalName());
		StringJoiner arrays = new StringJoiner(", ");
		StringJoiner aliases = new StringJoiner(", ");
		StringJoiner values = new StringJoiner(", ");
		for (int i = 1; i <= fields.size(); i++) {
			FieldDefinition field = fields.get(i - 1);
			arrays.add("$" + i + "::text[]");
			aliases.add("c" + i);
			boolean textual = switch (field.type()) {
				case STRING, TEXT -> true;
				default -> false;
			};
			values.add(textual ? "u.c" + i : "u.c" + i + "::" + Sql.baseType(field.type()));
		}
		String sql = "INSERT INTO " + table + " (" + Sql.columns(fields.stream().map(FieldDefinition::name).toList())
				+ ") SELECT " + values + " FROM unnest(" + arrays + ") AS u(" + aliases + ")";
		if (conflictField == null) {
			return new Statement(sql, List.of());
		}
		StringJoiner updates = new StringJoiner(", ");
		for (FieldDefinition field : updated) {
			String column = Sql.column(field.name());
			updates.add(column + " = EXCLUDED." + column);
		}
		if (updated.isEmpty()) {
			String column = Sql.column(conflictField);
			updates.add(column + " = EXCLUDED." + column);
		}
		sql += " ON CONFLICT (" + Sql.column(conflictField) + ") DO UPDATE SET " + updates;
		if (scope == null) {
			return new Statement(sql, List.of());
		}
		List<Object> parameters = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			parameters.add(null);
		}
		sql += " WHERE " + scope(scope, parameters, table + ".");
		return new Statement(sql, parameters.subList(fields.size(), parameters.size()));
	}

	/**
	 * The rows a caller's grants reach: a row is in the scope when it meets every filter
	 * of any alternative. No alternative reaches no row.
	 *
	 * @param schema the table, whole (a filter may be on a field the caller cannot read)
	 * @param alternatives the alternatives, each filters all to be met
	 */
	public record Scope(TableSchema schema, List<List<Filter>> alternatives) {

		public Scope {
			alternatives = alternatives.stream().map(List::copyOf).toList();
		}

	}

	/** The scope as a condition, its values added to the parameters. */
	private static String scope(Scope scope, List<Object> parameters, String qualifier) {
		StringJoiner any = new StringJoiner(" OR ", "(", ")");
		for (List<Filter> alternative : scope.alternatives()) {
			List<String> all = conditions(scope.schema(), alternative, parameters, qualifier);
			any.add(all.isEmpty() ? "TRUE" : "(" + String.join(" AND ", all) + ")");
		}
		return scope.alternatives().isEmpty() ? "FALSE" : any.toString();
	}

	/** How a filter compares a column. */
	public enum Operator {

		EQ("="), NEQ("<>"), GT(">"), GTE(">="), LT("<"), LTE("<="), IN("IN"), IS_NULL("IS NULL"),
		IS_NOT_NULL("IS NOT NULL"), IS_TRUE("IS TRUE"), IS_FALSE("IS FALSE"), IS_UNKNOWN("IS UNKNOWN"), LIKE("LIKE"),
		ILIKE("ILIKE"), FTS("to_tsquery"), PLFTS("plainto_tsquery"), PHFTS("phraseto_tsquery"),
		WFTS("websearch_to_tsquery");

		private final String sql;

		Operator(String sql) {
			this.sql = sql;
		}

		/** How many values the operator takes: none, one, or (for IN) any. */
		public boolean takesNoValue() {
			return this == IS_NULL || this == IS_NOT_NULL || this == IS_TRUE || this == IS_FALSE || this == IS_UNKNOWN;
		}

		/**
		 * Whether the operator is a full-text search: the column's words
		 * ({@code to_tsvector}) match a query its value is made into.
		 */
		public boolean searchesText() {
			return this == FTS || this == PLFTS || this == PHFTS || this == WFTS;
		}

	}

	/**
	 * A condition on rows: a filter on a column, or conditions combined. The SQL of each
	 * kind is made by {@link RowSql#condition}, which refuses a kind it does not know.
	 */
	public sealed interface Condition permits Filter, Junction {

	}

	/**
	 * One condition on a column, its values already parsed by the field's type.
	 *
	 * @param column a field name or the row id
	 * @param operator the comparison
	 * @param values the values to bind (none for the IS operators)
	 * @param negated whether the rows that do not meet it are meant (SQL {@code NOT}: a
	 * null is neither)
	 * @param language the text search configuration of a full-text search, or null for
	 * the database's default
	 */
	public record Filter(String column, Operator operator, List<Object> values, boolean negated,
			String language) implements Condition {

		public Filter {
			values = List.copyOf(values);
		}

		public Filter(String column, Operator operator, List<Object> values) {
			this(column, operator, values, false, null);
		}

	}

	/**
	 * Conditions combined: all of them, or any of them.
	 *
	 * @param any whether any condition is enough (OR) rather than all (AND)
	 * @param negated whether the rows that do not meet the combination are meant
	 * @param conditions the conditions, at least one
	 */
	public record Junction(boolean any, boolean negated, List<Condition> conditions) implements Condition {

		public Junction {
			conditions = List.copyOf(conditions);
		}

	}

	/**
	 * One ordering key; nulls sort as the largest value (last ascending, first
	 * descending), as PostgreSQL does by default.
	 */
	public record Sort(String column, boolean descending) {

	}

	/**
	 * A row query.
	 *
	 * @param schema the table
	 * @param columns the columns to read: the row id and fields
	 * @param filters conditions all rows meet
	 * @param sorts the order, the row id last so that it is total
	 * @param after the sort values of the row the page starts after, or null for the
	 * first page (a null value stands for SQL null)
	 * @param limit the most rows to read, or 0 for all
	 * @param scope the rows the caller may read, or null for all
	 */
	public record Query(TableSchema schema, List<String> columns, List<Condition> filters, List<Sort> sorts,
			List<Object> after, int limit, Scope scope) implements Selection {

		public Query(TableSchema schema, List<String> columns, List<Condition> filters, List<Sort> sorts,
				List<Object> after, int limit) {
			this(schema, columns, filters, sorts, after, limit, null);
		}

		/** The query limited to the scope's rows. */
		public Query within(Scope rows) {
			return new Query(this.schema, this.columns, this.filters, this.sorts, this.after, this.limit, rows);
		}

		@Override
		public Query limited(int rows) {
			return new Query(this.schema, this.columns, this.filters, this.sorts, this.after, rows, this.scope);
		}

		@Override
		public Statement select() {
			return RowSql.select(this);
		}

		@Override
		public Statement count() {
			return RowSql.count(this.schema, this.filters, this.scope);
		}

		@Override
		public Statement estimate() {
			return RowSql.estimate(this.schema, this.filters, this.scope);
		}

	}

	/**
	 * What a listing reads: rows ({@link Query}) or groups of rows ({@link Groups}), each
	 * with its statements.
	 */
	public sealed interface Selection permits Query, Groups {

		/** The most rows to read, or 0 for all. */
		int limit();

		/** The same selection reading at most the given number of rows. */
		Selection limited(int rows);

		/** The statement reading the rows, in order. */
		Statement select();

		/** The statement counting every row the selection reads without its limit. */
		Statement count();

		/**
		 * The statement giving the planner's estimate of that count, as one JSON plan
		 * whose top node has {@code Plan Rows}.
		 */
		Statement estimate();

	}

	/** A function over the values of a group of rows. */
	public enum Aggregate {

		COUNT("count"), SUM("sum"), AVG("avg"), MIN("min"), MAX("max");

		private final String sql;

		Aggregate(String sql) {
			this.sql = sql;
		}

		/** The function's name in SQL and in a listing's select. */
		public String functionName() {
			return this.sql;
		}

		/**
		 * Whether PostgreSQL has the function for values of the type: counting any; sums
		 * and averages of numbers; least and greatest of the types with an order (not
		 * booleans, UUIDs or json).
		 */
		public boolean takes(FieldType type) {
			return switch (this) {
				case COUNT -> true;
				case SUM, AVG -> numeric(type);
				case MIN, MAX -> numeric(type) || type == FieldType.STRING || type == FieldType.TEXT
						|| type == FieldType.DATE || type == FieldType.TIMESTAMP;
			};
		}

		/**
		 * The type of the function's result over values of the type (null for a count of
		 * rows): a count is a bigint, a sum of integers a bigint, of bigints a numeric,
		 * an average of whole numbers a numeric; floats stay floats.
		 */
		public FieldType resultType(FieldType type) {
			return switch (this) {
				case COUNT -> FieldType.BIGINT;
				case SUM -> switch (type) {
					case INTEGER -> FieldType.BIGINT;
					case FLOAT -> FieldType.FLOAT;
					default -> FieldType.DECIMAL;
				};
				case AVG -> (type == FieldType.FLOAT) ? FieldType.FLOAT : FieldType.DECIMAL;
				case MIN, MAX -> type;
			};
		}

		private static boolean numeric(FieldType type) {
			return type == FieldType.INTEGER || type == FieldType.BIGINT || type == FieldType.DECIMAL
					|| type == FieldType.FLOAT;
		}

	}

	/**
	 * One output of a grouped query: a column the rows are grouped by, or an aggregate.
	 *
	 * @param function the aggregate, or null for a column grouped by
	 * @param column the column (a field name or the row id), or null for a count of rows
	 */
	public record Output(Aggregate function, String column) {

		/** Whether the output is a column the rows are grouped by. */
		public boolean grouped() {
			return this.function == null;
		}

	}

	/**
	 * One ordering key of a grouped query.
	 *
	 * @param output the index of the output ordered by
	 * @param descending whether from the largest value
	 */
	public record GroupSort(int output, boolean descending) {

	}

	/**
	 * Rows grouped by the outputs that are columns, one row per group with the aggregates
	 * over it; without grouped columns, one row over every row selected.
	 *
	 * @param schema the table
	 * @param outputs the outputs, in order
	 * @param filters conditions all rows meet
	 * @param sorts the order of the groups
	 * @param limit the most groups to read, or 0 for all
	 * @param offset the groups to skip
	 * @param scope the rows the caller may read, or null for all
	 */
	public record Groups(TableSchema schema, List<Output> outputs, List<Condition> filters, List<GroupSort> sorts,
			int limit, long offset, Scope scope) implements Selection {

		public Groups {
			outputs = List.copyOf(outputs);
			filters = List.copyOf(filters);
			sorts = List.copyOf(sorts);
		}

		@Override
		public Groups limited(int rows) {
			return new Groups(this.schema, this.outputs, this.filters, this.sorts, rows, this.offset, this.scope);
		}

		@Override
		public Statement select() {
			return RowSql.select(this);
		}

		@Override
		public Statement count() {
			// one row per group, and one without grouped columns
			Statement groups = grouped(this, "SELECT count(*)");
			return new Statement("SELECT count(*) FROM (" + groups.sql() + ") AS g", groups.parameters());
		}

		@Override
		public Statement estimate() {
			return grouped(this, "EXPLAIN (FORMAT JSON) SELECT count(*)");
		}

	}

	/**
	 * A statement and the values of its parameters ($1..$n), none of them null; values of
	 * the types that cross as text ({@link Sql#viaText}) are given as text.
	 */
	public record Statement(String sql, List<Object> parameters) {

	}

	/** The rows a query selects, in its order. */
	public static Statement select(Query query) {
		List<Object> parameters = new ArrayList<>();
		TableSchema schema = query.schema();
		String table = Sql.table(schema.physicalName());
		StringBuilder sql = new StringBuilder("SELECT ").append(readList(schema, query.columns()))
			.append(" FROM ")
			.append(table);
		List<String> conditions = conditions(schema, query.filters(), parameters, "");
		if (query.scope() != null) {
			conditions.add(scope(query.scope(), parameters, ""));
		}
		if (query.after() != null) {
			conditions.add(keyset(schema, query.sorts(), query.after(), parameters));
		}
		if (!conditions.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", conditions));
		}
		// qualified: an answered expression may carry a field's name and is no sort key
		StringJoiner order = new StringJoiner(", ");
		for (Sort sort : query.sorts()) {
			order.add(table + "." + Sql.column(sort.column()) + (sort.descending() ? " DESC" : " ASC"));
		}
		sql.append(" ORDER BY ").append(order);
		if (query.limit() > 0) {
			sql.append(" LIMIT ").append(query.limit());
		}
		return new Statement(sql.toString(), parameters);
	}

	/** The groups, in their order. */
	public static Statement select(Groups groups) {
		StringJoiner outputs = new StringJoiner(", ");
		for (Output output : groups.outputs()) {
			FieldType type = (output.column() != null) ? typeOf(groups.schema(), output.column()) : FieldType.BIGINT;
			outputs.add(output.grouped() ? readList(groups.schema(), List.of(output.column()))
					: Sql.readExpression(aggregate(output), output.function().resultType(type)));
		}
		Statement grouped = grouped(groups, "SELECT " + outputs);
		StringBuilder sql = new StringBuilder(grouped.sql());
		StringJoiner order = new StringJoiner(", ");
		for (GroupSort sort : groups.sorts()) {
			Output output = groups.outputs().get(sort.output());
			order.add((output.grouped() ? Sql.column(output.column()) : aggregate(output))
					+ (sort.descending() ? " DESC" : " ASC"));
		}
		if (order.length() > 0) {
			sql.append(" ORDER BY ").append(order);
		}
		if (groups.limit() > 0) {
			sql.append(" LIMIT ").append(groups.limit());
		}
		if (groups.offset() > 0) {
			sql.append(" OFFSET ").append(groups.offset());
		}
		return new Statement(sql.toString(), grouped.parameters());
	}

	/** The selection of the groups from the table, with its conditions and grouping. */
	private static Statement grouped(Groups groups, String selection) {
		List<Object> parameters = new ArrayList<>();
		StringBuilder sql = new StringBuilder(selection).append(" FROM ")
			.append(Sql.table(groups.schema().physicalName()));
		List<String> conditions = conditions(groups.schema(), groups.filters(), parameters, "");
		if (groups.scope() != null) {
			conditions.add(scope(groups.scope(), parameters, ""));
		}
		if (!conditions.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", conditions));
		}
		List<String> columns = groups.outputs().stream().filter(Output::grouped).map(Output::column).toList();
		if (!columns.isEmpty()) {
			sql.append(" GROUP BY ").append(Sql.columns(columns));
		}
		return new Statement(sql.toString(), parameters);
	}

	/** An aggregate output as SQL: {@code sum("price")}, {@code count(*)}. */
	private static String aggregate(Output output) {
		return output.function().functionName() + "(" + ((output.column() != null) ? Sql.column(output.column()) : "*")
				+ ")";
	}

	/** The number of rows the filters select. */
	public static Statement count(TableSchema schema, List<? extends Condition> filters) {
		return count(schema, filters, null);
	}

	/** The number of rows of the scope (null for all) the filters select. */
	public static Statement count(TableSchema schema, List<? extends Condition> filters, Scope scope) {
		List<Object> parameters = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT count(*) FROM ").append(Sql.table(schema.physicalName()));
		List<String> conditions = conditions(schema, filters, parameters, "");
		if (scope != null) {
			conditions.add(scope(scope, parameters, ""));
		}
		if (!conditions.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", conditions));
		}
		return new Statement(sql.toString(), parameters);
	}

	/**
	 * The planner's estimate of the rows the filters select, as one JSON plan whose top
	 * node has {@code Plan Rows}.
	 */
	public static Statement estimate(TableSchema schema, List<? extends Condition> filters) {
		return estimate(schema, filters, null);
	}

	/**
	 * The planner's estimate of the rows of the scope (null for all) the filters select.
	 */
	public static Statement estimate(TableSchema schema, List<? extends Condition> filters, Scope scope) {
		List<Object> parameters = new ArrayList<>();
		StringBuilder sql = new StringBuilder("EXPLAIN (FORMAT JSON) SELECT 1 FROM ")
			.append(Sql.table(schema.physicalName()));
		List<String> conditions = conditions(schema, filters, parameters, "");
		if (scope != null) {
			conditions.add(scope(scope, parameters, ""));
		}
		if (!conditions.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", conditions));
		}
		return new Statement(sql.toString(), parameters);
	}

	private static List<String> conditions(TableSchema schema, List<? extends Condition> conditions,
			List<Object> parameters, String qualifier) {
		List<String> sql = new ArrayList<>();
		for (Condition condition : conditions) {
			sql.add(condition(schema, condition, parameters, qualifier));
		}
		return sql;
	}

	/** A condition as SQL, its values added to the parameters. */
	static String condition(TableSchema schema, Condition condition, List<Object> parameters, String qualifier) {
		if (condition instanceof Filter filter) {
			String sql = filter(schema, filter, parameters, qualifier);
			return filter.negated() ? "NOT (" + sql + ")" : sql;
		}
		if (condition instanceof Junction junction) {
			StringJoiner all = new StringJoiner(junction.any() ? " OR " : " AND ", "(", ")");
			for (Condition part : junction.conditions()) {
				all.add(condition(schema, part, parameters, qualifier));
			}
			return junction.negated() ? "NOT " + all : all.toString();
		}
		throw new IllegalArgumentException("no SQL for a condition of " + condition.getClass());
	}

	private static String filter(TableSchema schema, Filter filter, List<Object> parameters, String qualifier) {
		String column = qualifier + Sql.column(filter.column());
		FieldType type = typeOf(schema, filter.column());
		Operator operator = filter.operator();
		if (operator.takesNoValue()) {
			return column + " " + operator.sql;
		}
		if (operator == Operator.IN) {
			StringJoiner list = new StringJoiner(", ", "(", ")");
			for (Object value : filter.values()) {
				list.add(parameter(value, type, parameters));
			}
			return column + " IN " + list;
		}
		if (operator.searchesText()) {
			String language = "";
			if (filter.language() != null) {
				parameters.add(filter.language());
				language = "$" + parameters.size() + "::regconfig, ";
			}
			return "to_tsvector(" + language + column + ") @@ " + operator.sql + "(" + language
					+ parameter(filter.values().get(0), type, parameters) + ")";
		}
		return column + " " + operator.sql + " " + parameter(filter.values().get(0), type, parameters);
	}

	/**
	 * Rows strictly after the given sort values in the order: the first key that differs
	 * decides. Nulls are the largest values, so they need their own conditions.
	 */
	private static String keyset(TableSchema schema, List<Sort> sorts, List<Object> after, List<Object> parameters) {
		if (after.size() != sorts.size()) {
			throw new IllegalArgumentException("a keyset needs one value per sort key");
		}
		StringJoiner alternatives = new StringJoiner(" OR ", "(", ")");
		for (int i = 0; i < sorts.size(); i++) {
			StringJoiner conjunction = new StringJoiner(" AND ", "(", ")");
			for (int j = 0; j < i; j++) {
				String column = Sql.column(sorts.get(j).column());
				Object value = after.get(j);
				conjunction.add((value == null) ? column + " IS NULL"
						: column + " = " + parameter(value, typeOf(schema, sorts.get(j).column()), parameters));
			}
			String beyond = beyond(sorts.get(i), typeOf(schema, sorts.get(i).column()), after.get(i), parameters);
			if (beyond == null) {
				continue;
			}
			conjunction.add(beyond);
			alternatives.add(conjunction.toString());
		}
		return (alternatives.length() > 2) ? alternatives.toString() : "FALSE";
	}

	/** Values after the given one on one key, or null when none can be. */
	private static String beyond(Sort sort, FieldType type, Object value, List<Object> parameters) {
		String column = Sql.column(sort.column());
		if (sort.descending()) {
			return (value == null) ? column + " IS NOT NULL" : column + " < " + parameter(value, type, parameters);
		}
		if (value == null) {
			return null;
		}
		String greater = column + " > " + parameter(value, type, parameters);
		// the row id is never null
		return sort.column().equals(FieldNames.ROW_ID) ? greater : "(" + greater + " OR " + column + " IS NULL)";
	}

	private static String parameter(Object value, FieldType type, List<Object> parameters) {
		parameters.add(Objects.requireNonNull(value, "a parameter value"));
		return Sql.parameter(parameters.size(), type);
	}

}
