package io.dyntables.query.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableView;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The query parameters of a table's row listing, in PostgREST's syntax: which fields
 * ({@code select}), in which order ({@code order}), which page ({@code limit},
 * {@code after}), whether to count, in which format, and one filter parameter per field
 * with the operators that field's type takes.
 */
final class ListingParameters {

	/**
	 * The parameters that are not filters; a field of one of these names cannot be
	 * filtered on. The same set the listing reads.
	 */
	static final Set<String> RESERVED = Set.of("select", "order", "limit", "after", "count", "format");

	private static final String COMPARISONS = "eq|neq|gt|gte|lt|lte";

	private ListingParameters() {
	}

	/**
	 * The parameters, the filters last.
	 * @param table the table
	 * @param maxPageSize the largest {@code limit}
	 */
	static List<Parameter> of(TableView table, int maxPageSize) {
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(select(table));
		parameters.add(order(table));
		parameters.add(query("limit",
				"A page of at most this many rows; when more follow, the Link header (rel=\"next\") names the next page.",
				new Schema<>().type("integer")
					.format("int32")
					.minimum(BigDecimal.ONE)
					.maximum(BigDecimal.valueOf(maxPageSize))));
		parameters.add(query("after",
				"The cursor of the next page, as the previous page's Link header gives it; keep the other "
						+ "parameters as they were.",
				new Schema<>().type("string")));
		parameters.add(query("count",
				"Count the rows the filters select into the X-Total-Count header: exactly, or the planner's estimate.",
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
		return parameters;
	}

	private static Parameter select(TableView table) {
		Schema<Object> names = strings();
		table.fields().forEach((field) -> names.addEnumItemObject(field.name()));
		return query("select", "The fields answered, comma-separated; the id is always answered.",
				new ArraySchema().items(names))
			.style(Parameter.StyleEnum.FORM)
			.explode(false);
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
		Schema<Object> expression = new Schema<>().type("string").pattern("^(" + pattern(field.type()) + ")$");
		return query(field.name(),
				"Filter on " + field.name() + " (" + field.type().jsonName() + "): " + operators
						+ ". Given more than once, all must hold. Values are read as strictly as JSON values.",
				new ArraySchema().items(expression))
			.style(Parameter.StyleEnum.FORM)
			.explode(true);
	}

	/** The operators a type takes, for people. */
	private static String operators(FieldType type) {
		return switch (type) {
			case JSON -> "is.null, is.notnull";
			case BOOLEAN -> "eq, neq, gt, gte, lt, lte, in.(a,b), is.null, is.notnull, is.true, is.false";
			case STRING, TEXT -> "eq, neq, gt, gte, lt, lte, in.(a,b,\"c,d\"), is.null, is.notnull, "
					+ "like and ilike (* is the wildcard)";
			case INTEGER, BIGINT, DECIMAL, FLOAT, DATE, TIMESTAMP, UUID ->
				"eq, neq, gt, gte, lt, lte, in.(a,b), is.null, is.notnull";
		};
	}

	/** The regular expression of a filter on a field of this type. */
	private static String pattern(FieldType type) {
		String compared = "(" + COMPARISONS + ")\\..*|in\\.\\(.*\\)";
		return switch (type) {
			case JSON -> "is\\.(null|notnull)";
			case BOOLEAN -> compared + "|is\\.(null|notnull|true|false)";
			case STRING, TEXT -> compared + "|is\\.(null|notnull)|i?like\\..*";
			case INTEGER, BIGINT, DECIMAL, FLOAT, DATE, TIMESTAMP, UUID -> compared + "|is\\.(null|notnull)";
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
