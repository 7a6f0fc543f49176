package io.dyntables.query.rows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.schema.FieldValues;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.sql.RowSql;
import io.dyntables.query.sql.RowSql.Filter;
import io.dyntables.query.sql.RowSql.Operator;
import io.dyntables.query.sql.RowSql.Query;
import io.dyntables.query.sql.RowSql.Sort;
import io.dyntables.sql.Sql;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.MultiValueMap;

/**
 * A row listing as the query parameters ask for it, in PostgREST's syntax: which fields
 * ({@code select}), which rows ({@code field=op.value}), in which order ({@code order}),
 * which page ({@code limit}, {@code after}), whether to count ({@code count}) and in
 * which format ({@code format}). Every parameter is checked against the schema; values
 * are parsed strictly by their field's type and only ever bound as parameters.
 *
 * @param schema the table
 * @param output the columns answered: the row id, then the selected fields
 * @param query the query to run, reading the answered columns and the sort keys
 * @param order the order as given in a cursor
 * @param count how to count the rows, or null for not at all
 * @param format the format asked for in the query, or null to go by the Accept header
 */
record Listing(TableSchema schema, List<String> output, Query query, String order, Count count, Format format) {

	/** Query parameters that are not filters. */
	static final Set<String> RESERVED = Set.of("select", "order", "limit", "after", "count", "format");

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

	/** A limit: digits only, few enough that they always fit a long. */
	private static final Pattern LIMIT = Pattern.compile("[0-9]{1,18}");

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,1000}(\\.[0-9]{1,1000})?([eE][-+]?[0-9]{1,4})?");

	private static final int MAX_IN_VALUES = 1000;

	/** How to count the rows the filters select. */
	enum Count {

		EXACT, ESTIMATED

	}

	/** The answer's format. */
	enum Format {

		JSON, NDJSON, CSV

	}

	/**
	 * Whether the listing is a page (limited, with a next cursor) rather than all rows.
	 */
	boolean paged() {
		return this.query.limit() > 0;
	}

	/**
	 * Reads the query parameters.
	 * @param schema the table
	 * @param parameters the query parameters
	 * @param maxPageSize the largest {@code limit}
	 * @param mapper reads cursors
	 */
	static Listing parse(TableSchema schema, MultiValueMap<String, String> parameters, int maxPageSize,
			JsonMapper mapper) {
		List<String> output = select(schema, single(parameters, "select"));
		List<Sort> sorts = order(schema, single(parameters, "order"));
		String order = orderText(sorts);
		int limit = limit(single(parameters, "limit"), maxPageSize);
		List<Object> after = null;
		String cursor = single(parameters, "after");
		if (cursor != null) {
			after = Cursor.read(schema, cursor, order, sorts, mapper);
			if (limit == 0) {
				limit = maxPageSize;
			}
		}
		List<Filter> filters = new ArrayList<>();
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			if (!RESERVED.contains(parameter.getKey())) {
				for (String value : parameter.getValue()) {
					filters.add(filter(schema, parameter.getKey(), value));
				}
			}
		}
		Set<String> columns = new LinkedHashSet<>(output);
		sorts.forEach((sort) -> columns.add(sort.column()));
		Query query = new Query(schema, List.copyOf(columns), filters, sorts, after, limit);
		return new Listing(schema, output, query, order, count(single(parameters, "count")),
				format(single(parameters, "format")));
	}

	/** The listing of the scope's rows only. */
	Listing within(RowSql.Scope rows) {
		return new Listing(this.schema, this.output, this.query.within(rows), this.order, this.count, this.format);
	}

	/** The cursor of the page after the given last row of this page. */
	String cursorAfter(Map<String, Object> lastRow, JsonMapper mapper) {
		List<Object> values = new ArrayList<>();
		for (Sort sort : this.query.sorts()) {
			values.add(lastRow.get(sort.column()));
		}
		return Cursor.write(this.order, values, mapper);
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

	static RefusedException refused(String parameter, String detail) {
		return new RefusedException(ErrorCode.INVALID_PARAMETER,
				"/query/" + parameter.replace("~", "~0").replace("/", "~1"), detail);
	}

	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw refused(name, "'" + name + "' may be given once");
		}
		return values.get(0);
	}

	private static List<String> select(TableSchema schema, String select) {
		List<String> output = new ArrayList<>();
		output.add(FieldNames.ROW_ID);
		if (select == null) {
			schema.fields().forEach((field) -> output.add(field.name()));
			return output;
		}
		for (String name : select.split(",", -1)) {
			String trimmed = name.trim();
			if (trimmed.equals(FieldNames.ROW_ID)) {
				continue;
			}
			FieldDefinition field = field(schema, trimmed, "select");
			if (output.contains(field.name())) {
				throw refused("select", "'select' names '" + trimmed + "' twice");
			}
			output.add(field.name());
		}
		return output;
	}

	private static List<Sort> order(TableSchema schema, String order) {
		List<Sort> sorts = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		if (order != null) {
			for (String key : order.split(",", -1)) {
				String[] parts = key.trim().split("\\.", -1);
				if (parts.length > 2) {
					throw refused("order", "'order' takes field or field.asc or field.desc, separated by commas");
				}
				String name = parts[0];
				boolean descending = false;
				if (parts.length == 2) {
					descending = switch (parts[1]) {
						case "asc" -> false;
						case "desc" -> true;
						default ->
							throw refused("order", "'order' directions are asc and desc, not '" + parts[1] + "'");
					};
				}
				String column = name.equals(FieldNames.ROW_ID) ? FieldNames.ROW_ID
						: field(schema, name, "order").name();
				if (!column.equals(FieldNames.ROW_ID) && schema.field(column).orElseThrow().type() == FieldType.JSON) {
					throw refused("order", "json field '" + column + "' cannot be ordered by");
				}
				if (!seen.add(column)) {
					throw refused("order", "'order' names '" + column + "' twice");
				}
				sorts.add(new Sort(column, descending));
				if (column.equals(FieldNames.ROW_ID)) {
					return sorts;
				}
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

	private static int limit(String limit, int maxPageSize) {
		if (limit == null) {
			return 0;
		}
		if (!LIMIT.matcher(limit).matches()) {
			throw refused("limit",
					"'limit' must be a whole number from 1 to " + maxPageSize + ", not '" + printable(limit) + "'");
		}
		long value = Long.parseLong(limit);
		if (value < 1 || value > maxPageSize) {
			throw refused("limit", "'limit' must be from 1 to " + maxPageSize + ", not " + limit);
		}
		return (int) value;
	}

	private static Count count(String count) {
		if (count == null) {
			return null;
		}
		return switch (count) {
			case "exact" -> Count.EXACT;
			case "estimated", "planned" -> Count.ESTIMATED;
			default -> throw refused("count", "'count' is exact or estimated");
		};
	}

	private static Format format(String format) {
		if (format == null) {
			return null;
		}
		return switch (format) {
			case "json" -> Format.JSON;
			case "ndjson" -> Format.NDJSON;
			case "csv" -> Format.CSV;
			default -> throw refused("format", "'format' is json, ndjson or csv");
		};
	}

	private static FieldDefinition field(TableSchema schema, String name, String parameter) {
		Optional<FieldDefinition> field = schema.field(name);
		if (field.isEmpty()) {
			throw refused(parameter, "'" + parameter + "' names no field of the table: '" + printable(name) + "'");
		}
		return field.get();
	}

	/** A filter {@code field=op.value}. */
	private static Filter filter(TableSchema schema, String name, String expression) {
		FieldDefinition field = name.equals(FieldNames.ROW_ID) ? FieldDefinition.of(FieldNames.ROW_ID, FieldType.BIGINT)
				: schema.field(name)
					.orElseThrow(() -> refused(name,
							"the table has no field '" + printable(name) + "' to filter on (parameters other than "
									+ String.join(", ", RESERVED) + " are filters)"));
		int dot = expression.indexOf('.');
		if (dot < 0) {
			throw refused(name, "a filter reads operator.value, for example eq.42");
		}
		String op = expression.substring(0, dot);
		String argument = expression.substring(dot + 1);
		Operator operator = switch (op) {
			case "eq" -> Operator.EQ;
			case "neq" -> Operator.NEQ;
			case "gt" -> Operator.GT;
			case "gte" -> Operator.GTE;
			case "lt" -> Operator.LT;
			case "lte" -> Operator.LTE;
			case "in" -> Operator.IN;
			case "like" -> Operator.LIKE;
			case "ilike" -> Operator.ILIKE;
			case "is" -> switch (argument) {
				case "null" -> Operator.IS_NULL;
				case "notnull" -> Operator.IS_NOT_NULL;
				case "true" -> Operator.IS_TRUE;
				case "false" -> Operator.IS_FALSE;
				default -> throw refused(name, "'is' takes null, notnull, true or false");
			};
			default -> throw refused(name, "unknown operator '" + printable(op)
					+ "'; the operators are eq, neq, gt, gte, lt, lte, in, is, like, ilike");
		};
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
			return new Filter(field.name(), operator, List.of(pattern(name, argument)));
		}
		if (operator == Operator.IN) {
			List<String> items = list(name, argument);
			if (items.isEmpty() || items.size() > MAX_IN_VALUES) {
				throw refused(name, "in takes from 1 to " + MAX_IN_VALUES + " values: in.(a,b)");
			}
			List<Object> values = new ArrayList<>();
			for (String item : items) {
				values.add(value(name, field, item));
			}
			return new Filter(field.name(), operator, values);
		}
		return new Filter(field.name(), operator, List.of(value(name, field, argument)));
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
		text(name, argument);
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

	/**
	 * The items of {@code (a,b,"c,d")}; double quotes keep commas, {@code \"} a quote.
	 */
	private static List<String> list(String name, String argument) {
		if (argument.length() < 2 || argument.charAt(0) != '(' || argument.charAt(argument.length() - 1) != ')') {
			throw refused(name, "in takes a list in parentheses: in.(a,b)");
		}
		String inner = argument.substring(1, argument.length() - 1);
		List<String> items = new ArrayList<>();
		StringBuilder item = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 0; i < inner.length(); i++) {
			char c = inner.charAt(i);
			if (quoted) {
				if (c == '\\' && i + 1 < inner.length()) {
					item.append(inner.charAt(++i));
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					item.append(c);
				}
			}
			else if (c == '"' && item.isEmpty()) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == ',') {
				items.add(item.toString());
				item.setLength(0);
				wasQuoted = false;
			}
			else {
				item.append(c);
			}
		}
		if (quoted) {
			throw refused(name, "a quoted value in the in list is not closed");
		}
		if (!inner.isEmpty() || wasQuoted) {
			items.add(item.toString());
		}
		return items;
	}

	/**
	 * A filter value in its field's type, as strictly and in the same ranges as a JSON
	 * value is read, ready to bind.
	 */
	private static Object value(String name, FieldDefinition field, String text) {
		try {
			Object value = switch (field.type()) {
				case STRING, TEXT -> text(name, text);
				case INTEGER -> {
					long number = integral(text);
					if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
						throw new FieldValues.InvalidValue("must be an integer from -2147483648 to 2147483647");
					}
					yield (int) number;
				}
				case BIGINT -> integral(text);
				case DECIMAL -> text.equals("NaN") ? FieldValues.Special.NAN : number(text);
				case FLOAT -> FieldValues.coerce(field, NUMBER.matcher(text).matches() ? number(text) : text);
				case BOOLEAN -> switch (text) {
					case "true" -> true;
					case "false" -> false;
					default -> throw new FieldValues.InvalidValue("must be true or false");
				};
				case DATE, TIMESTAMP, UUID -> FieldValues.coerce(field, text);
				case JSON -> throw new FieldValues.InvalidValue("cannot be compared");
			};
			return bindable(field, value);
		}
		catch (FieldValues.InvalidValue ex) {
			throw refused(name,
					"the value for '" + field.name() + "' " + ex.getMessage() + ", not '" + printable(text) + "'");
		}
	}

	/** A checked value as it is bound: as text for the types that cross as text. */
	private static Object bindable(FieldDefinition field, Object value) {
		return Sql.viaText(field.type()) ? PostgresText.write(value) : value;
	}

	private static String text(String name, String text) {
		try {
			return (String) FieldValues.coerce(FieldDefinition.of(name, FieldType.TEXT), text);
		}
		catch (FieldValues.InvalidValue ex) {
			throw refused(name, "the value " + ex.getMessage());
		}
	}

	private static long integral(String text) throws FieldValues.InvalidValue {
		if (!INTEGER.matcher(text).matches()) {
			throw new FieldValues.InvalidValue("must be a whole number");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new FieldValues.InvalidValue(
					"must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
		}
	}

	private static BigDecimal number(String text) throws FieldValues.InvalidValue {
		if (!NUMBER.matcher(text).matches()) {
			throw new FieldValues.InvalidValue("must be a number");
		}
		return new BigDecimal(text);
	}

	/** A name as it can be shown in a message: control characters escaped, bounded. */
	static String printable(String text) {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < text.length() && shown.length() < 80; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
				shown.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				shown.append(c);
			}
		}
		return shown.toString();
	}

	/**
	 * A keyset cursor: the sort values of the last row of a page and the order they are
	 * of, as base64url JSON. Opaque to clients; checked like any other input.
	 */
	static final class Cursor {

		private Cursor() {
		}

		static String write(String order, List<Object> values, JsonMapper mapper) {
			Map<String, Object> cursor = new LinkedHashMap<>();
			cursor.put("o", order);
			cursor.put("k", values);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(cursor));
		}

		static List<Object> read(TableSchema schema, String text, String order, List<Sort> sorts, JsonMapper mapper) {
			Map<?, ?> cursor;
			try {
				cursor = mapper.readValue(Base64.getUrlDecoder().decode(text), Map.class);
			}
			catch (IllegalArgumentException | JacksonException ex) {
				throw refused("after", "'after' is not a cursor this service gave");
			}
			if (!order.equals(cursor.get("o"))) {
				throw refused("after", "the cursor belongs to another order; keep 'order' as it was");
			}
			if (!(cursor.get("k") instanceof List<?> keys) || keys.size() != sorts.size()) {
				throw refused("after", "'after' is not a cursor this service gave");
			}
			List<Object> values = new ArrayList<>();
			for (int i = 0; i < sorts.size(); i++) {
				String column = sorts.get(i).column();
				Object key = keys.get(i);
				if (key == null) {
					if (column.equals(FieldNames.ROW_ID)) {
						throw refused("after", "'after' is not a cursor this service gave");
					}
					values.add(null);
					continue;
				}
				FieldDefinition field = column.equals(FieldNames.ROW_ID)
						? FieldDefinition.of(FieldNames.ROW_ID, FieldType.BIGINT) : schema.field(column).orElseThrow();
				try {
					values.add(bindable(field, FieldValues.coerce(field, key)));
				}
				catch (FieldValues.InvalidValue ex) {
					throw refused("after", "'after' is not a cursor this service gave");
				}
			}
			return values;
		}

	}

}
