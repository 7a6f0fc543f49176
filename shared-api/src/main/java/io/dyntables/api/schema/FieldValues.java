package io.dyntables.api.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict checking of JSON values against a field: the value a client sent (as a JSON
 * parser gives it: String, Boolean, Integer, Long, BigInteger, BigDecimal, Double, Map,
 * List or null) becomes the Java value to store, or is refused with the reason. No value
 * is ever coerced from another JSON type: {@code "12"} is not an integer.
 */
public final class FieldValues {

	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private FieldValues() {
	}

	/** A value refused for a field, with the reason. */
	public static final class InvalidValue extends Exception {

		public InvalidValue(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * The value to store for a non-null JSON value: Integer, Long, BigDecimal, Double,
	 * Boolean, String, LocalDate, OffsetDateTime, java.util.UUID; a json field's value is
	 * returned as given, for the caller to serialise.
	 */
	public static Object coerce(FieldDefinition field, Object value) throws InvalidValue {
		return switch (field.type()) {
			case STRING -> string(value, field.maxLength());
			case TEXT -> string(value, null);
			case INTEGER -> {
				long number = integral(value, "an integer");
				if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
					throw new InvalidValue("must be an integer from -2147483648 to 2147483647");
				}
				yield (int) number;
			}
			case BIGINT -> integral(value, "a whole number");
			case DECIMAL -> decimal(value, field.precision(), field.scale());
			case FLOAT -> floating(value);
			case BOOLEAN -> {
				if (value instanceof Boolean bool) {
					yield bool;
				}
				throw new InvalidValue("must be true or false");
			}
			case DATE -> {
				try {
					yield LocalDate.parse(text(value, "an ISO-8601 date (2026-11-26)"));
				}
				catch (DateTimeParseException ex) {
					throw new InvalidValue("must be an ISO-8601 date (2026-11-26)");
				}
			}
			case TIMESTAMP -> {
				try {
					yield OffsetDateTime.parse(text(value, "an ISO-8601 timestamp with offset"));
				}
				catch (DateTimeParseException ex) {
					throw new InvalidValue("must be an ISO-8601 timestamp with offset (2026-11-26T10:15:30Z)");
				}
			}
			case UUID -> {
				String uuid = text(value, "a UUID");
				if (!UUID_FORM.matcher(uuid).matches()) {
					throw new InvalidValue("must be a UUID in its 8-4-4-4-12 hexadecimal form");
				}
				yield java.util.UUID.fromString(uuid);
			}
			case JSON -> {
				checkJson(value);
				yield value;
			}
		};
	}

	private static String text(Object value, String what) throws InvalidValue {
		if (value instanceof String string) {
			return string;
		}
		throw new InvalidValue("must be " + what + " in a JSON string");
	}

	private static String string(Object value, Integer maxLength) throws InvalidValue {
		String string = text(value, "text");
		checkText(string);
		if (maxLength != null && string.length() > maxLength && string.codePointCount(0, string.length()) > maxLength) {
			throw new InvalidValue("must have at most " + maxLength + " characters");
		}
		return string;
	}

	/** PostgreSQL text holds no NUL, and a lone surrogate is no character at all. */
	private static void checkText(String string) throws InvalidValue {
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			if (c == 0) {
				throw new InvalidValue("must not contain the NUL character");
			}
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < string.length()
						&& Character.isLowSurrogate(string.charAt(i + 1))) {
					i++;
				}
				else {
					throw new InvalidValue("must not contain unpaired surrogates");
				}
			}
		}
	}

	private static long integral(Object value, String what) throws InvalidValue {
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big) {
			if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
				throw new InvalidValue("is out of range");
			}
			return big.longValue();
		}
		throw new InvalidValue("must be " + what + " (a JSON number without fraction or exponent)");
	}

	private static BigDecimal decimal(Object value, int precision, int scale) throws InvalidValue {
		BigDecimal number = asBigDecimal(value);
		BigDecimal stripped = number.stripTrailingZeros();
		if (stripped.scale() > scale) {
			throw new InvalidValue("must have at most " + scale + " digits after the point");
		}
		int integerDigits = Math.max(stripped.precision() - stripped.scale(), 0);
		if (integerDigits > precision - scale) {
			throw new InvalidValue("must have at most " + (precision - scale) + " digits before the point");
		}
		return number;
	}

	private static double floating(Object value) throws InvalidValue {
		double number = asBigDecimal(value).doubleValue();
		if (Double.isInfinite(number)) {
			throw new InvalidValue("is out of range for a float");
		}
		return number;
	}

	private static BigDecimal asBigDecimal(Object value) throws InvalidValue {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof BigInteger big) {
			return new BigDecimal(big);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new InvalidValue("must be a finite number");
			}
			return BigDecimal.valueOf(d);
		}
		throw new InvalidValue("must be a JSON number");
	}

	private static void checkJson(Object value) throws InvalidValue {
		if (value instanceof String string) {
			checkText(string);
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				checkJson(entry.getKey());
				checkJson(entry.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				checkJson(item);
			}
		}
		else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
			throw new InvalidValue("must be a finite number");
		}
	}

}
