package io.dyntables.query.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.dyntables.query.rows.ListingRequest.Comparison;
import io.dyntables.query.rows.ListingRequest.Condition;
import io.dyntables.query.rows.ListingRequest.Count;
import io.dyntables.query.rows.ListingRequest.Format;
import io.dyntables.query.rows.ListingRequest.OrderKey;
import io.dyntables.query.sql.RowSql.Operator;

import org.springframework.util.MultiValueMap;

import static io.dyntables.query.rows.ParameterRefusals.printable;
import static io.dyntables.query.rows.ParameterRefusals.refused;

/**
 * Reads the query parameters of a listing into a {@link ListingRequest}, in PostgREST's
 * syntax, without the table: what is refused here is refused for any table.
 */
final class ListingParser {

	/** A limit: digits only, few enough that they always fit a long. */
	private static final Pattern LIMIT = Pattern.compile("[0-9]{1,18}");

	/** The most values of one {@code in} list. */
	static final int MAX_IN_VALUES = 1000;

	private ListingParser() {
	}

	/**
	 * The listing the parameters ask for.
	 * @param parameters the query parameters
	 * @param maxPageSize the largest {@code limit}, and the page of a cursor without one
	 */
	static ListingRequest parse(MultiValueMap<String, String> parameters, int maxPageSize) {
		List<String> select = select(single(parameters, "select"));
		List<OrderKey> order = order(single(parameters, "order"));
		int limit = limit(single(parameters, "limit"), maxPageSize);
		String after = single(parameters, "after");
		if (after != null && limit == 0) {
			limit = maxPageSize;
		}
		List<Condition> where = new ArrayList<>();
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			if (!ListingRequest.RESERVED.contains(parameter.getKey())) {
				for (String value : parameter.getValue()) {
					where.add(filter(parameter.getKey(), value));
				}
			}
		}
		return new ListingRequest(select, where, order, limit, after, count(single(parameters, "count")),
				format(single(parameters, "format")));
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

	private static List<String> select(String select) {
		if (select == null) {
			return null;
		}
		List<String> names = new ArrayList<>();
		for (String name : select.split(",", -1)) {
			names.add(name.trim());
		}
		return names;
	}

	private static List<OrderKey> order(String order) {
		List<OrderKey> keys = new ArrayList<>();
		if (order == null) {
			return keys;
		}
		for (String key : order.split(",", -1)) {
			String[] parts = key.trim().split("\\.", -1);
			if (parts.length > 2) {
				throw refused("order", "'order' takes field or field.asc or field.desc, separated by commas");
			}
			boolean descending = false;
			if (parts.length == 2) {
				descending = switch (parts[1]) {
					case "asc" -> false;
					case "desc" -> true;
					default -> throw refused("order", "'order' directions are asc and desc, not '" + parts[1] + "'");
				};
			}
			keys.add(new OrderKey(parts[0], descending));
		}
		return keys;
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

	/** A filter {@code field=op.value}. */
	private static Comparison filter(String name, String expression) {
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
		if (operator.takesNoValue()) {
			return new Comparison(name, name, operator, List.of());
		}
		if (operator == Operator.IN) {
			List<String> items = list(name, argument);
			if (items.isEmpty() || items.size() > MAX_IN_VALUES) {
				throw refused(name, "in takes from 1 to " + MAX_IN_VALUES + " values: in.(a,b)");
			}
			return new Comparison(name, name, operator, items);
		}
		return new Comparison(name, name, operator, List.of(argument));
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

}
