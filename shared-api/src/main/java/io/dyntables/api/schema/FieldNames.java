package io.dyntables.api.schema;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a field name must follow to become a column name. Names are checked here and
 * quoted in one SQL-building class: reserved words are allowed (they are always quoted),
 * everything else that could surprise PostgreSQL is refused.
 */
public final class FieldNames {

	/** The row id column every user table has. */
	public static final String ROW_ID = "id";

	/** PostgreSQL's identifier limit, in bytes. */
	public static final int MAX_BYTES = 63;

	/**
	 * Prefix of the columns the service keeps for itself (original values of
	 * conversions).
	 */
	public static final String RESERVED_PREFIX = "__";

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Set<String> SYSTEM_COLUMNS = Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid", "oid");

	private FieldNames() {
	}

	/** Why the name cannot be a field name, or empty when it can. */
	public static Optional<String> problem(String name) {
		if (name == null || name.isEmpty()) {
			return Optional.of("a field name must not be empty");
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("a field name has at most " + MAX_BYTES + " bytes");
		}
		if (!ALLOWED.matcher(name).matches()) {
			return Optional
				.of("a field name starts with a letter or underscore and holds only ASCII letters, digits and underscores");
		}
		String folded = fold(name);
		if (folded.equals(ROW_ID)) {
			return Optional.of("'id' is the row id column of every table");
		}
		if (SYSTEM_COLUMNS.contains(folded)) {
			return Optional.of("'" + name + "' is a PostgreSQL system column name");
		}
		if (name.startsWith(RESERVED_PREFIX)) {
			return Optional.of("names starting with '" + RESERVED_PREFIX + "' are reserved for the service");
		}
		return Optional.empty();
	}

	/** The form two names are compared in: names equal but for case are the same name. */
	public static String fold(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
