package io.dyntables.query.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableView;
import io.dyntables.query.sql.RowSql.Aggregate;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The query parameters of a table's row listing, in PostgREST's syntax: what to answer
 * ({@code select}: fields, or aggregates grouped by the selected fields), in which order
 * ({@code order}), which page ({@code limit}, {@code after}), whether to count, in which
 * format, one filter parameter per field with the operators that field's type takes, and
 * the logic parameters ({@code or}, {@code and}, {@code not.or}, {@code not.and}).
 */
final class ListingParameters {

	/**
	 * The parameters that are not filters; a field of one of these names cannot be
	 * filtered on. The same set the listing reads.
	 */
	static final Set<String> RESERVED = Set.of("select", "order", "limit", "after", "count", "format");

	/**
	 * The logic parameters; a field of one of these names is filtered on instead (its
	 * filters never start with a parenthesis), and the table's document offers that.
	 */
	static final List<String> LOGIC = List.of("or", "and", "not.or", "not.and");

	private static final String COMPARISONS = "eq|neq|gt|gte|lt|lte";

	/** A name as aliases and text search configurations are written. */
	private static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,62}";

	private ListingParameters() {
	}

	/**
	 * The parameters, the filters and the logic last.
	 * @param table the table
	 * @param maxPageSize the largest {@code limit}
	 */
	static List<Parameter> of(TableView table, int maxPageSize) {
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(select(table));
		parameters.add(order(table));
		parameters.add(query("limit",
				"A page of at most this many rows (or groups); when more follow, the Link header (rel=\"next\") "
						+ "names the next page.",
				new Schema<>().type("integer")
					.format("int32")
					.minimum(BigDecimal.ONE)
					.maximum(BigDecimal.valueOf(maxPageSize))));
		parameters.add(query("after",
				"The cursor of the next page, as the previous page's Link header gives it; keep the other "
						+ "parameters as they were.",
				new Schema<>().type("string")));
		parameters.add(query("count",
				"Count the rows (or groups) the filters select into the X-Total-Count header: exactly, or the "
						+ "planner's estimate.",
				strings("exact", "estimated")));
		parameters.add(query("format",
				"The answer's format (else the Accept header's): a JSON array, NDJSON (a row per line) or CSV "
						+ "(RFC 4180, a header row).",
				strings("json", "ndjson", "csv")));
		parameters.add(filter(FieldDefinition.of(FieldNames.ROW_ID, FieldType.BIGINT)));
		table.fields()
			.stream()
			.filter((field) -> !RESERVED.contains(field.name()))
			.forEach((field) -> parameters.add(filter(field)));
		for (String logic : LOGIC) {
			if (table.fields().stream().noneMatch((field) -> field.name().equals(logic))) {
				parameters.add(logic(logic));
			}
		}
		return parameters;
	}

	private static Parameter select(TableView table) {
		List<String> fields = new ArrayList<>();
		fields.add(FieldNames.ROW_ID);
		table.fields().forEach((field) -> fields.add(field.name()));
		StringJoiner aggregates = new StringJoiner("|");
		aggregates.add("count\\(\\)");
		for (Aggregate function : Aggregate.values()) {
			List<String> taken = new ArrayList<>();
			if (function.takes(FieldType.BIGINT)) {
				taken.add(FieldNames.ROW_ID);
			}
			table.fields()
				.stream()
				.filter((field) -> function.takes(field.type()))
				.forEach((field) -> taken.add(field.name()));
			if (!taken.isEmpty()) {
				aggregates.add(function.functionName() + "\\((" + String.join("|", taken) + ")\\)");
			}
		}
		Schema<Object> item = new Schema<>().type("string")
			.pattern("^((" + String.join("|", fields) + ")|(" + NAME + ":)?(" + aggregates + "))$");
		return query("select", "The fields answered, comma-separated; the id is always answered. With aggregates "
				+ "(count(), count(f), sum(f), avg(f), min(f), max(f), each answered under its function's name or "
				+ "an alias: total:sum(f)), one row per group of the selected fields, without the id: "
				+ "select=region,count(),total:sum(amount). sum and avg take numbers; min and max strings, texts, "
				+ "numbers, dates and timestamps.", new ArraySchema().items(item))
			.style(Parameter.StyleEnum.FORM)
			.explode(false);
	}

	/** A logic parameter: conditions combined, nested up to 16 deep. */
	private static Parameter logic(String name) {
		String combined = name.endsWith("or") ? "Any of the conditions holds" : "All of the conditions hold";
		if (name.startsWith("not.")) {
			combined = "Not: " + combined.toLowerCase(Locale.ROOT);
		}
		return query(name, combined + ": (field.op.value,...), with or(...), and(...), not.or(...), not.and(...) "
				+ "nested at most 16 deep, for example (age.lt.18,and(city.eq.Berlin,age.gt.65)). A value "
				+ "with a comma, a parenthesis or a double quote is written in double quotes (\\\" and \\\\ inside). "
				+ "Given more than once, all must hold; a listing has at most 200 conditions.",
				new ArraySchema().items(new Schema<>().type("string").pattern("^\\(.+\\)$")))
			.style(Parameter.StyleEnum.FORM)
			.explode(true);
	}

	private static Parameter order(TableView table) {
		Schema<Object> keys = strings();
		List<String> orderable = new ArrayList<>();
		orderable.add(FieldNames.ROW_ID);
		table.fields()
			.stream()
			.filter((field) -> field.type() != FieldType.JSON)
			.forEach((field) -> orderable.add(field.name()));
		for (String name : orderable) {
			keys.addEnumItemObject(name);
			keys.addEnumItemObject(name + ".asc");
			keys.addEnumItemObject(name + ".desc");
		}
		return query("order",
				"The order, comma-separated keys (ascending unless .desc); the id is added last. Nulls sort as the "
						+ "largest values. json fields cannot be ordered by.",
				new ArraySchema().items(keys))
			.style(Parameter.StyleEnum.FORM)
			.explode(false);
	}

	/**
	 * The filter on a field, {@code field=op.value}, given any number of times (combined
	 * with AND).
	 */
	private static Parameter filter(FieldDefinition field) {
		String operators = operators(field.type());
		Schema<Object> expression = new Schema<>().type("string").pattern("^(not\\.)?(" + pattern(field.type()) + ")$");
		return query(field.name(), "Filter on " + field.name() + " (" + field.type().jsonName() + "): " + operators
				+ "; not. before any of them negates it. Given more than once, all must hold. Values are read as "
				+ "strictly as JSON values.", new ArraySchema().items(expression))
			.style(Parameter.StyleEnum.FORM)
			.explode(true);
	}

	/** The operators a type takes, for people. */
	private static String operators(FieldType type) {
		return switch (type) {
			case JSON -> "is.null, is.not_null";
			case BOOLEAN -> "eq, neq, gt, gte, lt, lte, in.(a,b), is.null, is.not_null, is.true, is.false, is.unknown";
			case STRING,
					TEXT ->
				"eq, neq, gt, gte, lt, lte, in.(a,b,\"c,d\"), is.null, is.not_null, "
						+ "like and ilike (* is the wildcard), full-text search fts (to_tsquery), plfts "
						+ "(plainto_tsquery), phfts (phraseto_tsquery), wfts (websearch_to_tsquery), each with an "
						+ "optional language: fts(english).fox";
			case INTEGER, BIGINT, DECIMAL, FLOAT, DATE, TIMESTAMP, UUID ->
				"eq, neq, gt, gte, lt, lte, in.(a,b), is.null, is.not_null";
		};
	}

	/** The regular expression of a filter on a field of this type, after not. */
	private static String pattern(FieldType type) {
		String compared = "(" + COMPARISONS + ")\\..*|in\\.\\(.*\\)";
		String nulls = "is\\.(null|not_null|notnull)";
		return switch (type) {
			case JSON -> nulls;
			case BOOLEAN -> compared + "|is\\.(null|not_null|notnull|true|false|unknown)";
			case STRING, TEXT ->
				compared + "|" + nulls + "|i?like\\..*|(fts|plfts|phfts|wfts)(\\(" + NAME + "\\))?\\..*";
			case INTEGER, BIGINT, DECIMAL, FLOAT, DATE, TIMESTAMP, UUID -> compared + "|" + nulls;
		};
	}

	private static Schema<Object> strings(String... values) {
		Schema<Object> schema = new Schema<>().type("string");
		for (String value : values) {
			schema.addEnumItemObject(value);
		}
		return schema;
	}

	private static Parameter query(String name, String description, Schema<?> schema) {
		return new Parameter().in("query").name(name).required(false).description(description).schema(schema);
	}

}
