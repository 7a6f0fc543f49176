package io.dyntables.sql;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;

/**
 * The one place where names become SQL identifiers and types become SQL types. Every name
 * is checked against the naming rules again and double-quoted; nothing else in the
 * service concatenates a name into SQL.
 */
public final class Sql {

	/** The schema of the users' tables. */
	public static final String DATA_SCHEMA = "dyntables_data";

	private static final Pattern PHYSICAL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private Sql() {
	}

	/**
	 * A quoted column name for a field or the row id; refuses anything the rules refuse.
	 */
	public static String column(String name) {
		if (!name.equals(FieldNames.ROW_ID) && FieldNames.problem(name).isPresent()) {
			throw new IllegalArgumentException("not a field name: " + name);
		}
		return quote(name);
	}

	/** A quoted name of a column the service keeps for itself ({@code __v3_age}). */
	public static String keptColumn(String name) {
		if (!name.startsWith(FieldNames.RESERVED_PREFIX)
				|| FieldNames.problem(name.substring(FieldNames.RESERVED_PREFIX.length())).isPresent()) {
			throw new IllegalArgumentException("not a kept column name: " + name);
		}
		return quote(name);
	}

	/** The schema-qualified, quoted name of a user table. */
	public static String table(String physicalName) {
		if (!PHYSICAL_NAME.matcher(physicalName).matches()) {
			throw new IllegalArgumentException("not a physical table name: " + physicalName);
		}
		return quote(DATA_SCHEMA) + "." + quote(physicalName);
	}

	/** The PostgreSQL type of a field: its base type, with its size where it has one. */
	public static String type(FieldDefinition field) {
		return switch (field.type()) {
			case STRING -> "varchar(" + positive(field.maxLength()) + ")";
			case DECIMAL -> "numeric(" + positive(field.precision()) + "," + Math.max(0, field.scale()) + ")";
			default -> baseType(field.type());
		};
	}

	/**
	 * The type a value given as text is cast to before it is stored: the column's base
	 * type, so that sizes are still checked by the column itself on assignment.
	 */
	public static String baseType(FieldType type) {
		return switch (type) {
			case STRING, TEXT -> "text";
			case INTEGER -> "integer";
			case BIGINT -> "bigint";
			case DECIMAL -> "numeric";
			case FLOAT -> "double precision";
			case BOOLEAN -> "boolean";
			case DATE -> "date";
			case TIMESTAMP -> "timestamptz";
			case UUID -> "uuid";
			case JSON -> "jsonb";
		};
	}

	/**
	 * A field's type as the catalog names it ({@code information_schema.columns}), with
	 * its size: {@code character varying(200)}, {@code numeric(18,2)}, {@code integer}.
	 * The same form as {@link #catalogType(String, Integer, Integer, Integer)} gives for
	 * a live column, so the two compare as text.
	 */
	public static String catalogType(FieldDefinition field) {
		return switch (field.type()) {
			case STRING -> catalogType("character varying", field.maxLength(), null, null);
			case DECIMAL -> catalogType("numeric", null, field.precision(), Math.max(0, field.scale()));
			case TIMESTAMP -> "timestamp with time zone";
			case FLOAT -> "double precision";
			default -> type(field);
		};
	}

	/** A live column's type, from the catalog's data type and sizes. */
	public static String catalogType(String dataType, Integer maxLength, Integer precision, Integer scale) {
		if (dataType.equals("character varying") || dataType.equals("character")) {
			return (maxLength != null) ? dataType + "(" + maxLength + ")" : dataType;
		}
		if (dataType.equals("numeric")) {
			return (precision != null) ? dataType + "(" + precision + "," + ((scale != null) ? scale : 0) + ")"
					: dataType;
		}
		return dataType;
	}

	/**
	 * Whether values of the type cross to PostgreSQL as text: bound as text and cast
	 * ({@link #parameter}), read through {@link #readExpression}. Dates, timestamps and
	 * decimals do, because the driver cannot carry all their values.
	 */
	public static boolean viaText(FieldType type) {
		return type == FieldType.DATE || type == FieldType.TIMESTAMP || type == FieldType.DECIMAL;
	}

	/**
	 * The placeholder of parameter {@code n} holding a value of the type: cast from text
	 * to the type's base type when the type crosses as text.
	 */
	public static String parameter(int n, FieldType type) {
		return viaText(type) ? "$" + n + "::" + baseType(type) : "$" + n;
	}

	/**
	 * The expression a field's column is read with: its value, or for the types that
	 * cross as text a text the same whatever the session's settings: a date as days since
	 * 1970-01-01, a timestamp as days since 1970-01-01 and seconds of the day in UTC to
	 * the microsecond (both {@code infinity} or {@code -infinity} when infinite), a
	 * decimal as its digits (or {@code NaN}). (Not {@code extract(epoch ...)}: PostgreSQL
	 * rounds it to 4 decimals for timestamps after about 294247 AD.)
	 */
	public static String readExpression(FieldDefinition field) {
		return readExpression(column(field.name()), field.type());
	}

	/**
	 * The expression the values of an expression of the type are read with, as
	 * {@link #readExpression(FieldDefinition)} reads a column's.
	 * @param column an expression made here or in the one row statement class, never
	 * client text
	 */
	public static String readExpression(String column, FieldType type) {
		return switch (type) {
			case DATE -> "CASE WHEN isfinite(" + column + ") THEN (" + column + " - DATE '1970-01-01')::text ELSE "
					+ column + "::text END";
			case TIMESTAMP -> {
				String utc = "(" + column + " AT TIME ZONE 'UTC')";
				yield "CASE WHEN isfinite(" + column + ") THEN (" + utc + "::date - DATE '1970-01-01')::text || ' ' || "
						+ "extract(epoch FROM " + utc + "::time)::text ELSE " + column + "::text END";
			}
			case DECIMAL -> column + "::text";
			default -> column;
		};
	}

	/** A comma-separated list of quoted columns. */
	public static String columns(List<String> names) {
		return names.stream().map(Sql::column).collect(Collectors.joining(", "));
	}

	/**
	 * An expression giving a column's values as text, the same whatever the session's
	 * settings: timestamps in ISO-8601 UTC, dates ISO-8601.
	 */
	static String textOf(String quotedColumn, FieldType type) {
		return switch (type) {
			case TIMESTAMP -> "to_char(" + quotedColumn + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
			case DATE -> "to_char(" + quotedColumn + ", 'YYYY-MM-DD')";
			default -> quotedColumn + "::text";
		};
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static int positive(Integer value) {
		if (value == null || value < 1) {
			throw new IllegalArgumentException("a size must be positive: " + value);
		}
		return value;
	}

}
