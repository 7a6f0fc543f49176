package io.dyntables.query.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dyntables.query.rows.ListingRequest.Comparison;
import io.dyntables.query.rows.ListingRequest.Condition;
import io.dyntables.query.rows.ListingRequest.Count;
import io.dyntables.query.rows.ListingRequest.Format;
import io.dyntables.query.rows.ListingRequest.Logic;
import io.dyntables.query.rows.ListingRequest.OrderKey;
import io.dyntables.query.rows.ListingRequest.Selected;
import io.dyntables.query.sql.RowSql.Aggregate;
import io.dyntables.query.sql.RowSql.Operator;

import org.springframework.util.MultiValueMap;

import static io.dyntables.query.rows.ParameterRefusals.printable;
import static io.dyntables.query.rows.ParameterRefusals.refused;

/**
 * Reads the query parameters of a listing into a {@link ListingRequest}, in PostgREST's
 * syntax, without the table: what is refused here is refused for any table. A request is
 * bounded before it is read further: logic nests at most {@link #MAX_DEPTH} deep, a
 * listing has at most {@link #MAX_CONDITIONS} comparisons and {@link #MAX_VALUES} values,
 * an {@code in} list at most {@link #MAX_IN_VALUES}; so no request costs more than a pass
 * over its text per level of nesting.
 */
final class ListingParser {

	/** The deepest nesting of {@code or}/{@code and}: {@code or=(...)} is 1 deep. */
	static final int MAX_DEPTH = 16;

	/** The most comparisons of one listing, in filters and logic together. */
	static final int MAX_CONDITIONS = 200;

	/** The most values of one listing's comparisons together. */
	static final int MAX_VALUES = 5000;

	/** The most values of one {@code in} list. */
	static final int MAX_IN_VALUES = 1000;

	/** A limit: digits only, few enough that they always fit a long. */
	private static final Pattern LIMIT = Pattern.compile("[0-9]{1,18}");

	/** A name PostgreSQL may know a text search configuration by. */
	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/** An aggregate's alias, a name as a field's is. */
	private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/** An aggregate in select: {@code sum(price)}, {@code count()}. */
	private static final Pattern AGGREGATE = Pattern.compile("([a-z]+)\\((.*)\\)");

	/** The operators, for refusals. */
	private static final String OPERATORS = "eq, neq, gt, gte, lt, lte, in, is, like, ilike, fts, plfts, phfts, wfts";

	private ListingParser() {
	}

	/**
	 * The listing the parameters ask for.
	 * @param parameters the query parameters
	 * @param maxPageSize the largest {@code limit}, and the page of a cursor without one
	 */
	static ListingRequest parse(MultiValueMap<String, String> parameters, int maxPageSize) {
		List<Selected> select = select(single(parameters, "select"));
		List<OrderKey> order = order(single(parameters, "order"));
		int limit = limit(single(parameters, "limit"), maxPageSize);
		String after = single(parameters, "after");
		if (after != null && limit == 0) {
			limit = maxPageSize;
		}
		Budget budget = new Budget();
		List<Condition> where = new ArrayList<>();
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (ListingRequest.RESERVED.contains(name)) {
				continue;
			}
			for (String value : parameter.getValue()) {
				where.add(condition(name, value, budget));
			}
		}
		return new ListingRequest(select, where, order, limit, after, count(single(parameters, "count")),
				format(single(parameters, "format")));
	}

	/**
	 * A filter parameter: logic ({@code or=(...)}, {@code not.and=(...)}) or a comparison
	 * of the field it names. A field named or or and is still filtered on: its filters
	 * never start with a parenthesis.
	 */
	private static Condition condition(String name, String value, Budget budget) {
		boolean negated = name.startsWith("not.");
		String junction = negated ? name.substring(4) : name;
		if (junction.equals("or") || junction.equals("and")) {
			if (value.startsWith("(")) {
				return logic(name, junction.equals("or"), negated, value, 1, budget);
			}
			if (negated) {
				throw refused(name, "'" + name + "' takes conditions in parentheses: " + name + "=(a.eq.1,b.eq.2)");
			}
		}
		return comparison(name, name, value, false, budget);
	}

	/**
	 * Conditions combined, {@code (a.eq.1,b.gt.2,or(c.is.null,d.lt.0))}.
	 * @param depth the nesting of this combination, 1 for a parameter's
	 */
	private static Logic logic(String parameter, boolean any, boolean negated, String text, int depth, Budget budget) {
		if (depth > MAX_DEPTH) {
			throw refused(parameter,
					"'" + parameter + "' nests or(...) and and(...) more than " + MAX_DEPTH + " levels deep");
		}
		List<String> items = items(parameter, text);
		List<Condition> conditions = new ArrayList<>();
		for (String item : items) {
			conditions.add(logicItem(parameter, item, depth, budget));
		}
		return new Logic(parameter, any, negated, conditions);
	}

	/** One condition inside logic: nested logic, or {@code field.op.value}. */
	private static Condition logicItem(String parameter, String item, int depth, Budget budget) {
		boolean negated = item.startsWith("not.");
		String rest = negated ? item.substring(4) : item;
		for (String junction : new String[] { "or", "and" }) {
			if (rest.startsWith(junction + "(")) {
				return logic(parameter, junction.equals("or"), negated, rest.substring(junction.length()), depth + 1,
						budget);
			}
		}
		int dot = item.indexOf('.');
		if (dot <= 0) {
			throw refused(parameter, "'" + parameter + "' holds conditions field.operator.value, or(...) or "
					+ "and(...), not '" + printable(item) + "'");
		}
		return comparison(parameter, item.substring(0, dot), item.substring(dot + 1), true, budget);
	}

	/**
	 * The conditions of {@code (a,b,c)}, split at the commas outside parentheses and
	 * double quotes.
	 */
	private static List<String> items(String parameter, String text) {
		if (text.length() < 2 || text.charAt(0) != '(') {
			throw refused(parameter, "'" + parameter + "' takes conditions in parentheses: (a.eq.1,b.eq.2)");
		}
		List<String> items = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					if (i != text.length() - 1) {
						throw refused(parameter, "'" + parameter + "' has text after its closing parenthesis");
					}
					items.add(text.substring(start, i));
				}
			}
			else if (c == ',' && depth == 1) {
				items.add(text.substring(start, i));
				start = i + 1;
			}
		}
		if (quoted) {
			throw refused(parameter, "'" + parameter + "' opens a double quote it does not close");
		}
		if (depth != 0) {
			throw refused(parameter, "'" + parameter + "' opens a parenthesis it does not close");
		}
		for (String item : items) {
			if (item.isEmpty()) {
				throw refused(parameter, "'" + parameter + "' has an empty condition");
			}
		}
		return items;
	}

	/**
	 * A comparison {@code [not.]op[(language)].value}.
	 * @param inLogic whether it is inside {@code or}/{@code and}, where a value in double
	 * quotes stands for the text between them
	 */
	private static Comparison comparison(String parameter, String field, String expression, boolean inLogic,
			Budget budget) {
		budget.condition(parameter);
		boolean negated = expression.startsWith("not.");
		String rest = negated ? expression.substring(4) : expression;
		int dot = rest.indexOf('.');
		if (dot < 0) {
			throw refused(parameter, "a filter reads operator.value, for example eq.42 or not.eq.42");
		}
		String op = rest.substring(0, dot);
		String argument = rest.substring(dot + 1);
		String language = null;
		int open = op.indexOf('(');
		if (open >= 0) {
			if (!op.endsWith(")")) {
				throw refused(parameter, "a language is given in parentheses after the operator: fts(english)");
			}
			language = op.substring(open + 1, op.length() - 1);
			op = op.substring(0, open);
		}
		Operator operator = operator(parameter, op, argument);
		if (language != null) {
			if (!operator.searchesText()) {
				throw refused(parameter, "only fts, plfts, phfts and wfts take a language");
			}
			if (!LANGUAGE.matcher(language).matches()) {
				throw refused(parameter, "a language is the name of a text search configuration, such as "
						+ "english or simple, not '" + printable(language) + "'");
			}
		}
		if (operator.takesNoValue()) {
			return new Comparison(parameter, field, negated, operator, null, List.of());
		}
		if (operator == Operator.IN) {
			List<String> items = list(parameter, argument);
			if (items.isEmpty() || items.size() > MAX_IN_VALUES) {
				throw refused(parameter, "in takes from 1 to " + MAX_IN_VALUES + " values: in.(a,b)");
			}
			budget.values(parameter, items.size());
			return new Comparison(parameter, field, negated, operator, null, items);
		}
		budget.values(parameter, 1);
		String value = inLogic ? unquoted(parameter, argument) : argument;
		return new Comparison(parameter, field, negated, operator, language, List.of(value));
	}

	private static Operator operator(String parameter, String op, String argument) {
		return switch (op) {
			case "eq" -> Operator.EQ;
			case "neq" -> Operator.NEQ;
			case "gt" -> Operator.GT;
			case "gte" -> Operator.GTE;
			case "lt" -> Operator.LT;
			case "lte" -> Operator.LTE;
			case "in" -> Operator.IN;
			case "like" -> Operator.LIKE;
			case "ilike" -> Operator.ILIKE;
			case "fts" -> Operator.FTS;
			case "plfts" -> Operator.PLFTS;
			case "phfts" -> Operator.PHFTS;
			case "wfts" -> Operator.WFTS;
			case "is" -> switch (argument) {
				case "null" -> Operator.IS_NULL;
				case "notnull", "not_null" -> Operator.IS_NOT_NULL;
				case "true" -> Operator.IS_TRUE;
				case "false" -> Operator.IS_FALSE;
				case "unknown" -> Operator.IS_UNKNOWN;
				default -> throw refused(parameter, "'is' takes null, not_null, true, false or unknown");
			};
			default ->
				throw refused(parameter, "unknown operator '" + printable(op) + "'; the operators are " + OPERATORS);
		};
	}

	/** A value inside logic: as given, or the text between double quotes. */
	private static String unquoted(String parameter, String value) {
		if (!value.startsWith("\"")) {
			return value;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				text.append(value.charAt(++i));
			}
			else if (c == '"') {
				if (i != value.length() - 1) {
					throw refused(parameter, "a quoted value ends at its closing double quote");
				}
				return text.toString();
			}
			else {
				text.append(c);
			}
		}
		throw refused(parameter, "a quoted value is not closed");
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
				if (items.size() > MAX_IN_VALUES) {
					break;
				}
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

	/**
	 * The items of select: fields ({@code age}) and aggregates ({@code count()},
	 * {@code sum(price)}, {@code total:sum(price)}).
	 */
	private static List<Selected> select(String select) {
		if (select == null) {
			return null;
		}
		List<Selected> items = new ArrayList<>();
		for (String item : select.split(",", -1)) {
			String text = item.trim();
			String alias = null;
			int colon = text.indexOf(':');
			if (colon >= 0) {
				alias = text.substring(0, colon).trim();
				text = text.substring(colon + 1).trim();
				if (!ALIAS.matcher(alias).matches()) {
					throw refused("select",
							"an alias is a name of letters, digits and _, not '" + printable(alias) + "'");
				}
			}
			Matcher aggregate = AGGREGATE.matcher(text);
			if (!aggregate.matches()) {
				if (alias != null) {
					throw refused("select", "an alias names an aggregate, as in total:sum(price)");
				}
				items.add(new Selected(null, null, text));
				continue;
			}
			Aggregate function = switch (aggregate.group(1)) {
				case "count" -> Aggregate.COUNT;
				case "sum" -> Aggregate.SUM;
				case "avg" -> Aggregate.AVG;
				case "min" -> Aggregate.MIN;
				case "max" -> Aggregate.MAX;
				default -> throw refused("select", "unknown aggregate '" + printable(aggregate.group(1))
						+ "'; the aggregates are count, sum, avg, min and max");
			};
			String field = aggregate.group(2).trim();
			if (field.isEmpty()) {
				if (function != Aggregate.COUNT) {
					throw refused("select",
							function.functionName() + "() takes a field: " + function.functionName() + "(price)");
				}
				field = null;
			}
			items.add(new Selected(alias, function, field));
		}
		return items;
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

	/** What a listing's conditions have used of their limits so far. */
	private static final class Budget {

		private int conditions;

		private int values;

		void condition(String parameter) {
			if (++this.conditions > MAX_CONDITIONS) {
				throw refused(parameter, "a listing has at most " + MAX_CONDITIONS + " conditions");
			}
		}

		void values(String parameter, int count) {
			this.values += count;
			if (this.values > MAX_VALUES) {
				throw refused(parameter, "a listing's conditions hold at most " + MAX_VALUES + " values");
			}
		}

	}

}
