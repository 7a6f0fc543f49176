package io.dyntables.query.openapi;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldValues;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The JSON Schema of one field's values: its type and format, the range PostgreSQL holds
 * for it, its length, its default. One place maps each field type, so every schema of a
 * table's document (rows, bodies, filters) agrees on what a value is.
 */
final class FieldSchemas {

	/** Reads defaults, which the schema keeps as JSON text, keeping decimals exact. */
	private static final ObjectMapper DEFAULTS = Json.mapper()
		.copy()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

	private FieldSchemas() {
	}

	/**
	 * The schema of the field's values, with its default; nullable when the field is not
	 * required.
	 */
	static Schema<Object> value(FieldDefinition field) {
		Schema<Object> schema = typed(field);
		schema.addExtension("x-dyntables-type", field.type().jsonName());
		if (!field.required()) {
			schema.setNullable(true);
		}
		if (field.defaultValue() != null) {
			schema.setDefault(parse(field.defaultValue()));
		}
		String notes = notes(field);
		if (!notes.isEmpty()) {
			schema.setDescription(join(schema.getDescription(), notes));
		}
		return schema;
	}

	/**
	 * The schema of the field's values as a read answers them: nullable whatever the
	 * field's options, since a field added to (or made required in) a table that has rows
	 * holds null in those rows.
	 */
	static Schema<Object> answered(FieldDefinition field) {
		Schema<Object> schema = typed(field);
		schema.addExtension("x-dyntables-type", field.type().jsonName());
		schema.setNullable(true);
		return schema;
	}

	/** The schema of the row id. */
	static Schema<Object> rowId() {
		return new Schema<>().type("integer")
			.format("int64")
			.minimum(BigDecimal.ONE)
			.maximum(BigDecimal.valueOf(Long.MAX_VALUE))
			.description("The row's id, given by the service");
	}

	private static Schema<Object> typed(FieldDefinition field) {
		return switch (field.type()) {
			case STRING -> new Schema<>().type("string")
				.maxLength(field.maxLength())
				.description("Text of at most " + field.maxLength() + " characters, without NUL.");
			case TEXT -> new Schema<>().type("string").description("Text without NUL.");
			case INTEGER -> new Schema<>().type("integer")
				.format("int32")
				.minimum(BigDecimal.valueOf(Integer.MIN_VALUE))
				.maximum(BigDecimal.valueOf(Integer.MAX_VALUE));
			case BIGINT -> new Schema<>().type("integer")
				.format("int64")
				.minimum(BigDecimal.valueOf(Long.MIN_VALUE))
				.maximum(BigDecimal.valueOf(Long.MAX_VALUE));
			case DECIMAL -> decimal(field.precision(), field.scale());
			case FLOAT -> new Schema<>().type("number")
				.format("double")
				.description("An IEEE double; also the strings \"NaN\", \"Infinity\" and \"-Infinity\".");
			case BOOLEAN -> new Schema<>().type("boolean");
			case DATE -> new Schema<>().type("string")
				.format("date")
				.description("An ISO-8601 date from " + FieldValues.MIN_DATE + " to +" + FieldValues.MAX_DATE
						+ "; also \"infinity\" and \"-infinity\".");
			case TIMESTAMP -> new Schema<>().type("string")
				.format("date-time")
				.description("An ISO-8601 time with offset, answered in UTC, at most 6 digits after the second, "
						+ "from -4713-11-24T00:00:00Z to +294276-12-31T23:59:59.999999Z; "
						+ "also \"infinity\" and \"-infinity\".");
			case UUID -> new Schema<>().type("string").format("uuid");
			case JSON -> new Schema<>().description("Any JSON value, without NUL.");
		};
	}

	/**
	 * A decimal: at most {@code precision - scale} digits before the point and
	 * {@code scale} after it.
	 */
	private static Schema<Object> decimal(int precision, int scale) {
		BigDecimal bound = BigDecimal.ONE.scaleByPowerOfTen(precision - scale);
		Schema<Object> schema = new Schema<>().type("number")
			.exclusiveMinimum(true)
			.minimum(bound.negate())
			.exclusiveMaximum(true)
			.maximum(bound)
			.description("An exact number of at most " + precision + " digits, " + scale
					+ " of them after the point, answered at that scale; also the string \"NaN\".");
		if (scale > 0) {
			schema.setMultipleOf(BigDecimal.ONE.scaleByPowerOfTen(-scale));
		}
		return schema;
	}

	private static String notes(FieldDefinition field) {
		StringBuilder notes = new StringBuilder();
		if (field.unique()) {
			notes.append("Unique: no two rows hold the same value.");
		}
		if (field.required() && field.defaultValue() != null) {
			notes.append((notes.isEmpty() ? "" : " ") + "Filled with its default when absent.");
		}
		return notes.toString();
	}

	private static String join(String first, String second) {
		return (first == null) ? second : first + " " + second;
	}

	private static Object parse(String json) {
		try {
			return DEFAULTS.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a stored default is not JSON", ex);
		}
	}

}
