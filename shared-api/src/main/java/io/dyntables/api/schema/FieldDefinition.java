package io.dyntables.api.schema;

import java.util.Objects;

/**
 * One field of a table in its full form. A field is a column of the same name.
 *
 * @param name the field (and column) name, valid by {@link FieldNames}
 * @param type its type
 * @param required whether writes must give a non-null value (default true, as the
 * original service)
 * @param maxLength the maximum number of characters of a {@link FieldType#STRING}, else
 * null
 * @param precision total digits of a {@link FieldType#DECIMAL}, else null
 * @param scale digits after the point of a {@link FieldType#DECIMAL}, else null
 * @param defaultValue the default as JSON text (for example {@code "\"n/a\""} or
 * {@code 0}), or null for none
 * @param unique whether no two rows may hold the same non-null value
 */
public record FieldDefinition(String name, FieldType type, boolean required, Integer maxLength, Integer precision,
		Integer scale, String defaultValue, boolean unique) {

	/** The original service's maximum string length, and ours by default. */
	public static final int DEFAULT_MAX_LENGTH = 200;

	/** PostgreSQL's limit for varchar(n). */
	public static final int MAX_MAX_LENGTH = 10_485_760;

	public static final int DEFAULT_PRECISION = 18;

	public static final int DEFAULT_SCALE = 2;

	/** PostgreSQL's limit for numeric(p, s). */
	public static final int MAX_PRECISION = 1000;

	public FieldDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
	}

	/**
	 * The original shorthand: a required field of the type, with that type's defaults.
	 */
	public static FieldDefinition of(String name, FieldType type) {
		return new FieldDefinition(name, type, true, (type == FieldType.STRING) ? DEFAULT_MAX_LENGTH : null,
				(type == FieldType.DECIMAL) ? DEFAULT_PRECISION : null,
				(type == FieldType.DECIMAL) ? DEFAULT_SCALE : null, null, false);
	}

	public FieldDefinition withName(String newName) {
		return new FieldDefinition(newName, this.type, this.required, this.maxLength, this.precision, this.scale,
				this.defaultValue, this.unique);
	}

	/** Whether the stored column (type and its size options) is the same. */
	public boolean sameColumnType(FieldDefinition other) {
		return this.type == other.type && Objects.equals(this.maxLength, other.maxLength)
				&& Objects.equals(this.precision, other.precision) && Objects.equals(this.scale, other.scale);
	}

	/** Whether only the options that do not touch the column type differ. */
	public boolean sameOptions(FieldDefinition other) {
		return this.required == other.required && this.unique == other.unique
				&& Objects.equals(this.defaultValue, other.defaultValue);
	}

}
