package io.dyntables.api.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict checking of JSON values against a field: the value a client sent (as a JSON
 * parser gives it: String, Boolean, Integer, Long, BigInteger, BigDecimal, Double, Map,
 * List or null) becomes the Java value to store, or is refused with the reason. No value
 * is ever coerced from another JSON type: {@code "12"} is not an integer. Every value is
 * checked against the range PostgreSQL holds for the column type, so nothing reaches SQL
 * that PostgreSQL would refuse or store as something else. The values JSON cannot write
 * are taken as the strings PostgreSQL itself writes for them: {@code "infinity"} and
 * {@code "-infinity"} for dates and timestamps, {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} for floats, {@code "NaN"} for decimals.
 */
public final class FieldValues {

	/** PostgreSQL's first date, 4714-11-24 BC (Julian day 0), in ISO years. */
	public static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);

	/** PostgreSQL's last date. */
	public static final LocalDate MAX_DATE = LocalDate.of(5874897, 12, 31);

	/** PostgreSQL's first timestamp, 4714-11-24 BC 00:00 UTC. */
	public static final Instant MIN_TIMESTAMP = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);

	/** PostgreSQL's last timestamp, to the microsecond. */
	public static final Instant MAX_TIMESTAMP = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000)
		.toInstant(ZoneOffset.UTC);

	/**
	 * The most digits of a number in a json field written out in full, as PostgreSQL's
	 * jsonb writes it back: the most the service (and most JSON parsers) read in one
	 * number, so every stored value can be read and sent again; well inside what jsonb
	 * holds (131072 digits before the point, 16383 after).
	 */
	public static final int MAX_JSON_NUMBER_DIGITS = 1000;

	/**
	 * A value no finite Java value stands for: PostgreSQL's infinities (dates,
	 * timestamps) and NaN (decimals).
	 */
	public enum Special {

		INFINITY("infinity"), MINUS_INFINITY("-infinity"), NAN("NaN");

		private final String text;

		Special(String text) {
			this.text = text;
		}

		/** The text PostgreSQL reads and writes, and clients send and read. */
		public String text() {
			return this.text;
		}

	}

	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** A whole number as text: digits only, few enough that they always fit a long. */
	private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,19}");

	/** A number as text, as JSON writes one (without the JSON bound on its digits). */
	private static final Pattern NUMBER_TEXT = Pattern
		.compile("-?[0-9]{1,1000}(\\.[0-9]{1,1000})?([eE][-+]?[0-9]{1,4})?");

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
	 * Boolean, String, LocalDate, OffsetDateTime, java.util.UUID, or a {@link Special}; a
	 * json field's value is returned as given, for the caller to serialise.
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
			case DATE -> date(value);
			case TIMESTAMP -> timestamp(value);
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

	/**
	 * A value given as text (a query parameter, a rule of a grant) to compare with values
	 * of the type, read as strictly as a JSON value of the type is: {@code 12} is an
	 * integer, {@code 12.0} is not; {@code true} and {@code false} are the booleans. The
	 * bounds of one field (a string's length, a decimal's digits) do not apply: a value
	 * outside them is still compared, and equals nothing.
	 * @throws InvalidValue when no value of the type is written so, or a json value (json
	 * values are not compared)
	 */
	public static Object fromText(FieldType type, String text) throws InvalidValue {
		return switch (type) {
			case STRING, TEXT -> {
				checkText(text);
				yield text;
			}
			case INTEGER -> {
				long number = integralText(text);
				if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
					throw new InvalidValue("must be an integer from -2147483648 to 2147483647");
				}
				yield (int) number;
			}
			case BIGINT -> integralText(text);
			case DECIMAL -> text.equals("NaN") ? Special.NAN : numberText(text);
			case FLOAT -> floating(NUMBER_TEXT.matcher(text).matches() ? numberText(text) : text);
			case BOOLEAN -> switch (text) {
				case "true" -> true;
				case "false" -> false;
				default -> throw new InvalidValue("must be true or false");
			};
			case DATE -> date(text);
			case TIMESTAMP -> timestamp(text);
			case UUID -> coerce(FieldDefinition.of("uuid", FieldType.UUID), text);
			case JSON -> throw new InvalidValue("cannot be compared");
		};
	}

	private static long integralText(String text) throws InvalidValue {
		if (!INTEGER_TEXT.matcher(text).matches()) {
			throw new InvalidValue("must be a whole number");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidValue("must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
		}
	}

	private static BigDecimal numberText(String text) throws InvalidValue {
		if (!NUMBER_TEXT.matcher(text).matches()) {
			throw new InvalidValue("must be a number");
		}
		return new BigDecimal(text);
	}

	private static Object date(Object value) throws InvalidValue {
		String text = text(value, "an ISO-8601 date (2026-11-26)");
		Special infinity = infinity(text);
		if (infinity != null) {
			return infinity;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValue("must be an ISO-8601 date (2026-11-26), \"infinity\" or \"-infinity\"");
		}
		if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
			throw new InvalidValue("must be a date from -4713-11-24 (4714-11-24 BC) to +5874897-12-31");
		}
		return date;
	}

	private static Object timestamp(Object value) throws InvalidValue {
		String text = text(value, "an ISO-8601 timestamp with offset");
		Special infinity = infinity(text);
		if (infinity != null) {
			return infinity;
		}
		OffsetDateTime timestamp;
		try {
			timestamp = OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValue("must be an ISO-8601 timestamp with offset (2026-11-26T10:15:30Z), "
					+ "\"infinity\" or \"-infinity\"");
		}
		if (timestamp.getNano() % 1000 != 0) {
			throw new InvalidValue("has more than 6 digits after the second; timestamps are kept to the microsecond");
		}
		Instant instant = timestamp.toInstant();
		if (instant.isBefore(MIN_TIMESTAMP) || instant.isAfter(MAX_TIMESTAMP)) {
			throw new InvalidValue(
					"must be a time from -4713-11-24T00:00:00Z (4714-11-24 BC) " + "to +294276-12-31T23:59:59.999999Z");
		}
		return timestamp;
	}

	private static Special infinity(String text) {
		return switch (text) {
			case "infinity" -> Special.INFINITY;
			case "-infinity" -> Special.MINUS_INFINITY;
			default -> null;
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
				throw new InvalidValue("must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
			}
			return big.longValue();
		}
		throw new InvalidValue("must be " + what + " (a JSON number without fraction or exponent)");
	}

	/**
	 * The number at the field's scale (what PostgreSQL stores), refused when it needs
	 * more digits than the field has; or NaN.
	 */
	private static Object decimal(Object value, int precision, int scale) throws InvalidValue {
		if ("NaN".equals(value)) {
			return Special.NAN;
		}
		BigDecimal number = asBigDecimal(value);
		BigDecimal stripped = number.stripTrailingZeros();
		if (stripped.scale() > scale) {
			throw new InvalidValue("must have at most " + scale + " digits after the point");
		}
		int integerDigits = Math.max(stripped.precision() - stripped.scale(), 0);
		if (integerDigits > precision - scale) {
			throw new InvalidValue("must have at most " + (precision - scale) + " digits before the point");
		}
		return stripped.setScale(scale, RoundingMode.UNNECESSARY);
	}

	/**
	 * The double nearest the number; refused when it is too large for a double, or when a
	 * number other than zero is too small for one (it would be stored as 0).
	 */
	private static double floating(Object value) throws InvalidValue {
		if (value instanceof String special) {
			return switch (special) {
				case "NaN" -> Double.NaN;
				case "Infinity" -> Double.POSITIVE_INFINITY;
				case "-Infinity" -> Double.NEGATIVE_INFINITY;
				default -> throw new InvalidValue("must be a JSON number, or \"NaN\", \"Infinity\" or \"-Infinity\"");
			};
		}
		BigDecimal exact = asBigDecimal(value);
		double number = exact.doubleValue();
		if (Double.isInfinite(number)) {
			throw new InvalidValue("is out of range for a float (at most 1.7976931348623157e308 either side of 0)");
		}
		if (number == 0 && exact.signum() != 0) {
			throw new InvalidValue("is too close to 0 for a float (the smallest is 4.9e-324); it would be stored as 0");
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

	/** The digits of the number written without exponent: 1e3 is 1000, four. */
	private static long digitsInFull(BigDecimal number) {
		long before = Math.max((long) number.precision() - number.scale(), 1);
		return before + Math.max(number.scale(), 0);
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
		else if (value instanceof BigDecimal number && digitsInFull(number) > MAX_JSON_NUMBER_DIGITS) {
			throw new InvalidValue("holds a number of more than " + MAX_JSON_NUMBER_DIGITS
					+ " digits written out in full (1e999 and 1e-999 are the extremes)");
		}
	}

}
