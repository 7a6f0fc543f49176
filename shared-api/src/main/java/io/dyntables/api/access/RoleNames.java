package io.dyntables.api.access;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Role names: a lower-case letter, then lower-case letters, digits, {@code _}, {@code -}
 * or {@code .}, at most 63 characters. They are the roles' identifiers in the event store
 * and the names API keys and JWT role claims carry.
 */
public final class RoleNames {

	/**
	 * The built-in role that grants every action on every table; it cannot be set or
	 * deleted.
	 */
	public static final String ADMIN = "admin";

	private static final Pattern ALLOWED = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");

	private RoleNames() {
	}

	/** Why the text cannot name a role, or empty when it can. */
	public static Optional<String> problem(String name) {
		if (name == null || !ALLOWED.matcher(name).matches()) {
			return Optional.of("a role name is a lower-case letter, then up to 62 lower-case letters, digits, "
					+ "'_', '-' or '.'");
		}
		return Optional.empty();
	}

}
