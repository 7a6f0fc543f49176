package io.dyntables.api.schema;

import java.util.Arrays;
import java.util.Optional;

/**
 * The column types a field can have. Each maps to exactly one PostgreSQL type in the one
 * SQL-building class of the query side; user text never reaches SQL as a type name.
 */
public enum FieldType {

	/**
	 * Bounded text, {@code maxLength} characters (default 200, as the original service).
	 */
	STRING("string"),
	/** Unbounded text. */
	TEXT("text"),
	/** 32-bit signed integer. */
	INTEGER("integer"),
	/** 64-bit signed integer. */
	BIGINT("bigint"),
	/**
	 * Exact number with {@code precision} digits, {@code scale} of them after the point.
	 */
	DECIMAL("decimal"),
	/** IEEE double precision. */
	FLOAT("float"), BOOLEAN("boolean"),
	/** Calendar date, ISO-8601 {@code 2026-11-26}. */
	DATE("date"),
	/** Instant with time zone, ISO-8601 in and out (answered in UTC). */
	TIMESTAMP("timestamp"), UUID("uuid"),
	/** Any JSON value, stored as jsonb. */
	JSON("json");

	private final String jsonName;

	FieldType(String jsonName) {
		this.jsonName = jsonName;
	}

	/** The name clients write and read. */
	public String jsonName() {
		return this.jsonName;
	}

	public static Optional<FieldType> fromJsonName(String name) {
		return Arrays.stream(values()).filter((type) -> type.jsonName.equals(name)).findFirst();
	}

	/** The names clients may use, for error messages and docs. */
	public static String knownNames() {
		return String.join(", ", Arrays.stream(values()).map(FieldType::jsonName).toList());
	}

}
