package io.dyntables.command.domain;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;

/**
 * The compatibility matrix of type changes. A change is <em>widening</em> when every
 * value of the old column converts exactly into the new one, so the DDL cannot fail
 * whatever the table holds; every other change is <em>narrowing</em> and happens only
 * with an explicit lenient conversion.
 */
public final class TypeChanges {

	/** Characters a value's text form can take, where it is bounded. */
	private static final int INTEGER_CHARS = 11;

	private static final int BIGINT_CHARS = 20;

	private static final int BOOLEAN_CHARS = 5;

	private static final int FLOAT_CHARS = 25;

	private static final int DATE_CHARS = 13;

	private static final int TIMESTAMP_CHARS = 32;

	private static final int UUID_CHARS = 36;

	private TypeChanges() {
	}

	/** Whether every value of {@code from} converts exactly into {@code to}. */
	public static boolean isWidening(FieldDefinition from, FieldDefinition to) {
		FieldType target = to.type();
		return switch (from.type()) {
			case STRING ->
				target == FieldType.TEXT || (target == FieldType.STRING && to.maxLength() >= from.maxLength());
			case TEXT -> target == FieldType.TEXT;
			case INTEGER -> target == FieldType.BIGINT || target == FieldType.FLOAT || target == FieldType.TEXT
					|| fitsString(to, INTEGER_CHARS) || fitsDecimal(to, 10, 0);
			case BIGINT -> target == FieldType.TEXT || fitsString(to, BIGINT_CHARS) || fitsDecimal(to, 19, 0);
			case DECIMAL -> target == FieldType.TEXT || fitsString(to, from.precision() + 2)
					|| fitsDecimal(to, from.precision() - from.scale(), from.scale());
			case FLOAT -> target == FieldType.TEXT || fitsString(to, FLOAT_CHARS);
			case BOOLEAN -> target == FieldType.TEXT || fitsString(to, BOOLEAN_CHARS);
			case DATE -> target == FieldType.TIMESTAMP || target == FieldType.TEXT || fitsString(to, DATE_CHARS);
			case TIMESTAMP -> target == FieldType.TEXT || fitsString(to, TIMESTAMP_CHARS);
			case UUID -> target == FieldType.TEXT || fitsString(to, UUID_CHARS);
			case JSON -> target == FieldType.TEXT;
		};
	}

	private static boolean fitsString(FieldDefinition to, int chars) {
		return to.type() == FieldType.STRING && to.maxLength() >= chars;
	}

	private static boolean fitsDecimal(FieldDefinition to, int integerDigits, int scale) {
		return to.type() == FieldType.DECIMAL && to.precision() - to.scale() >= integerDigits && to.scale() >= scale;
	}

}
