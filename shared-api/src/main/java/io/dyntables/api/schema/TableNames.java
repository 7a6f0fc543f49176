package io.dyntables.api.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * Table names are labels: any readable text, used as often as clients like. The database
 * table's name is derived from the label and the id, as the original service did, so it
 * is always a safe identifier and always unique.
 */
public final class TableNames {

	public static final int MAX_LENGTH = 200;

	private static final int PHYSICAL_PREFIX_LENGTH = 40;

	private TableNames() {
	}

	/** Why the label cannot name a table, or empty when it can. */
	public static Optional<String> problem(String name) {
		if (name == null || name.isBlank()) {
			return Optional.of("a table name must not be empty");
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			return Optional.of("a table name has at most " + MAX_LENGTH + " characters");
		}
		if (name.codePoints().anyMatch(Character::isISOControl)) {
			return Optional.of("a table name must not contain control characters");
		}
		// a lone surrogate is no character: it cannot be written as UTF-8, so the name
		// would not be the same in the event store and in the read model
		if (name.codePoints().anyMatch((c) -> Character.getType(c) == Character.SURROGATE)) {
			return Optional.of("a table name must not contain unpaired surrogates (\\ud800 to \\udfff)");
		}
		return Optional.empty();
	}

	/**
	 * The database table's name: the label's ASCII letters and digits, lower-cased, with
	 * the id appended ({@code Person}, 7 gives {@code person_7}).
	 */
	public static String physicalName(String label, long tableId) {
		String base = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (base.length() > PHYSICAL_PREFIX_LENGTH) {
			base = base.substring(0, PHYSICAL_PREFIX_LENGTH);
		}
		if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
			base = "t" + (base.isEmpty() ? "" : "_" + base);
		}
		return base + "_" + tableId;
	}

}
