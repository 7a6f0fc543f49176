package io.dyntables.query.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.r2dbc.postgresql.codec.Json;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import org.springframework.stereotype.Component;

/** Converts between JSON values and the values R2DBC binds and reads. */
@Component
class JsonValues {

	private final JsonMapper mapper;

	JsonValues(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** A JSON text (a stored default) as the plain values a request body gives. */
	Object parse(String json) {
		return this.mapper.readValue(json, Object.class);
	}

	/** The value to bind for a checked value: json fields are bound as jsonb text. */
	Object bindable(FieldDefinition field, Object value) {
		return (field.type() == FieldType.JSON) ? Json.of(this.mapper.writeValueAsString(value)) : value;
	}

	/** The class to bind a null of this field's type as. */
	static Class<?> nullType(FieldDefinition field) {
		return switch (field.type()) {
			case STRING, TEXT -> String.class;
			case INTEGER -> Integer.class;
			case BIGINT -> Long.class;
			case DECIMAL -> BigDecimal.class;
			case FLOAT -> Double.class;
			case BOOLEAN -> Boolean.class;
			case DATE -> LocalDate.class;
			case TIMESTAMP -> OffsetDateTime.class;
			case UUID -> UUID.class;
			case JSON -> Json.class;
		};
	}

	/** A checked value in the text form PostgreSQL reads back exactly, or null. */
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof OffsetDateTime timestamp) {
			return timestamp.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		if (value instanceof Json json) {
			return json.asString();
		}
		return value.toString();
	}

	/** A value read from the database as it goes into a JSON answer. */
	static Object toJson(Object value) {
		if (value instanceof OffsetDateTime timestamp) {
			return timestamp.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		if (value instanceof LocalDateTime timestamp) {
			return timestamp.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		if (value instanceof LocalDate || value instanceof UUID) {
			return value.toString();
		}
		if (value instanceof Json json) {
			return new RawValue(json.asString());
		}
		return value;
	}

}
