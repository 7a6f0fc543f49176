package io.dyntables.query.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.dyntables.api.schema.FieldType;
import io.dyntables.api.schema.FieldValues.Special;

/**
 * Dates, timestamps and decimals cross to PostgreSQL as text, in forms PostgreSQL reads
 * and writes the same whatever the session's settings. The driver's own conversions
 * cannot carry them all: it writes a year before 1 or after 9999 in a form PostgreSQL
 * takes for something else (stored as infinity), and it cannot read infinity, BC years,
 * five-digit years or a decimal NaN at all. Both directions are here, so every value
 * PostgreSQL holds is answered as it is, and every value answered can be written back.
 */
final class PostgresText {

	private PostgresText() {
	}

	/** A checked value in the form PostgreSQL reads: {@code 4714-11-24 BC}. */
	static String write(Object value) {
		if (value instanceof LocalDate date) {
			return date(date);
		}
		if (value instanceof OffsetDateTime timestamp) {
			return timestamp(timestamp);
		}
		if (value instanceof Special special) {
			return special.text();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return value.toString();
	}

	/**
	 * A date as PostgreSQL reads it: years before 1 are written as BC years (ISO year 0
	 * is 1 BC), years after 9999 in full without a sign.
	 */
	static String date(LocalDate date) {
		StringBuilder text = new StringBuilder(16);
		appendDate(text, date);
		return era(text, date.getYear());
	}

	/** A timestamp as PostgreSQL reads it, in UTC, to the microsecond. */
	static String timestamp(OffsetDateTime timestamp) {
		LocalDateTime utc = timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
		StringBuilder text = new StringBuilder(32);
		appendDate(text, utc.toLocalDate());
		text.append(' ');
		pad(text, utc.getHour(), 2).append(':');
		pad(text, utc.getMinute(), 2).append(':');
		pad(text, utc.getSecond(), 2).append('.');
		pad(text, utc.getNano() / 1000, 6).append("+00");
		return era(text, utc.getYear());
	}

	private static void appendDate(StringBuilder text, LocalDate date) {
		int year = date.getYear();
		pad(text, (year <= 0) ? 1 - year : year, 4).append('-');
		pad(text, date.getMonthValue(), 2).append('-');
		pad(text, date.getDayOfMonth(), 2);
	}

	private static String era(StringBuilder text, int year) {
		return ((year <= 0) ? text.append(" BC") : text).toString();
	}

	private static StringBuilder pad(StringBuilder text, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			text.append('0');
		}
		return text.append(digits);
	}

	/**
	 * A column value as it goes into an answer, from the text the read expressions of
	 * {@code Sql.readExpression} give for dates (days since 1970-01-01), timestamps (days
	 * and seconds of the day in UTC), either of them infinite, and decimals: dates and
	 * timestamps in ISO-8601 (years before 1 and after 9999 in its expanded form, with a
	 * sign: {@code -4713-11-24} is 4714-11-24 BC), timestamps in UTC; infinities and NaN
	 * as the strings PostgreSQL writes for them.
	 */
	static Object read(FieldType type, String text) {
		return switch (type) {
			case DATE -> switch (text) {
				case "infinity", "-infinity" -> text;
				default -> LocalDate.ofEpochDay(Long.parseLong(text)).toString();
			};
			case TIMESTAMP -> switch (text) {
				case "infinity", "-infinity" -> text;
				default -> {
					int space = text.indexOf(' ');
					BigDecimal seconds = new BigDecimal(text.substring(space + 1));
					LocalDateTime utc = LocalDate.ofEpochDay(Long.parseLong(text.substring(0, space)))
						.atStartOfDay()
						.plusNanos(seconds.movePointRight(9).longValueExact());
					yield utc.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
				}
			};
			case DECIMAL -> switch (text) {
				case "NaN", "Infinity", "-Infinity" -> text;
				default -> new BigDecimal(text);
			};
			default -> throw new IllegalArgumentException(type + " columns are read as they are");
		};
	}

}
