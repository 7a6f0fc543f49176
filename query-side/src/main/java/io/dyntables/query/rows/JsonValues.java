package io.dyntables.query.rows;

import java.util.UUID;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.sql.Sql;
import io.r2dbc.postgresql.codec.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import org.springframework.stereotype.Component;

/** Converts between JSON values and the values R2DBC binds and reads. */
@Component
class JsonValues {

	private static final Logger log = LoggerFactory.getLogger(JsonValues.class);

	private final JsonMapper mapper;

	JsonValues(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** A JSON text (a stored default) as the plain values a request body gives. */
	Object parse(String json) {
		return this.mapper.readValue(json, Object.class);
	}

	/**
	 * The value to bind for a checked value: json fields are bound as jsonb text, the
	 * types that cross as text ({@link Sql#viaText}) in {@link PostgresText}'s form.
	 */
	Object bindable(FieldDefinition field, Object value) {
		if (field.type() == FieldType.JSON) {
			return Json.of(this.mapper.writeValueAsString(value));
		}
		return Sql.viaText(field.type()) ? PostgresText.write(value) : value;
	}

	/** The class to bind a null of this field's type as. */
	static Class<?> nullType(FieldDefinition field) {
		return switch (field.type()) {
			case STRING, TEXT -> String.class;
			case INTEGER -> Integer.class;
			case BIGINT -> Long.class;
			case FLOAT -> Double.class;
			case BOOLEAN -> Boolean.class;
			case UUID -> UUID.class;
			case JSON -> Json.class;
			// bound as text, see bindable
			case DECIMAL, DATE, TIMESTAMP -> String.class;
		};
	}

	/** A checked value in the text form PostgreSQL reads back exactly, or null. */
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Json json) {
			return json.asString();
		}
		return PostgresText.write(value);
	}

	/**
	 * A value read from a column of the type (as {@link Sql#readExpression} reads it) as
	 * it goes into a JSON answer. A text that cannot be read as its type (a column
	 * changed by another writer) is answered as PostgreSQL gave it: one odd value never
	 * breaks a listing.
	 */
	static Object toJson(FieldType type, Object value) {
		if (value == null) {
			return null;
		}
		if (Sql.viaText(type)) {
			String text = String.valueOf(value);
			try {
				return PostgresText.read(type, text);
			}
			catch (RuntimeException ex) {
				log.debug("{} value '{}' answered as PostgreSQL gave it: {}", type, text, ex.toString());
				return text;
			}
		}
		if (value instanceof UUID) {
			return value.toString();
		}
		if (value instanceof Json json) {
			return new RawValue(json.asString());
		}
		return value;
	}

}
