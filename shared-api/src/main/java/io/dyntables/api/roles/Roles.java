package io.dyntables.api.roles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one instance does, set by {@code dyntables.roles} ({@code DYNTABLES_ROLES}): any
 * of {@code commands} (the schema commands), {@code projector} (applies the events to
 * PostgreSQL), {@code rows} (the rows API), {@code queries} (tables, history, feed,
 * drift, administration), comma-separated, or {@code all} (the default). A fleet can then
 * run many rows-only instances beside one or two that take commands and project. The
 * expressions below are what the beans of each role are conditional on.
 */
public final class Roles {

	public static final String COMMANDS = "commands";

	public static final String PROJECTOR = "projector";

	public static final String ROWS = "rows";

	public static final String QUERIES = "queries";

	public static final String ALL = "all";

	private static final List<String> KNOWN = List.of(COMMANDS, PROJECTOR, ROWS, QUERIES, ALL);

	private static final String SERVES = "T(io.dyntables.api.roles.Roles).serves('${dyntables.roles:all}', '";

	/** Condition expression: the instance takes schema commands. */
	public static final String IF_COMMANDS = SERVES + COMMANDS + "')";

	/** Condition expression: the instance runs the projector. */
	public static final String IF_PROJECTOR = SERVES + PROJECTOR + "')";

	/** Condition expression: the instance serves rows. */
	public static final String IF_ROWS = SERVES + ROWS + "')";

	/** Condition expression: the instance serves the tables, history, feed and drift. */
	public static final String IF_QUERIES = SERVES + QUERIES + "')";

	/**
	 * Condition expression: the instance serves the projection status and replays (with
	 * the queries or the projector).
	 */
	public static final String IF_ADMIN = "(" + IF_QUERIES + ") or (" + IF_PROJECTOR + ")";

	private Roles() {
	}

	/**
	 * The roles a setting names.
	 * @throws IllegalArgumentException for an empty setting or an unknown role, so a typo
	 * stops the start instead of leaving an instance that serves nothing
	 */
	public static Set<String> parse(String setting) {
		Set<String> roles = Arrays.stream((setting != null) ? setting.split(",") : new String[0])
			.map((role) -> role.trim().toLowerCase(Locale.ROOT))
			.filter((role) -> !role.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("dyntables.roles is empty; name any of " + KNOWN);
		}
		for (String role : roles) {
			if (!KNOWN.contains(role)) {
				throw new IllegalArgumentException(
						"dyntables.roles names an unknown role '" + role + "'; known: " + KNOWN);
			}
		}
		return roles;
	}

	/** Whether an instance with this setting has the role. */
	public static boolean serves(String setting, String role) {
		Set<String> roles = parse(setting);
		return roles.contains(ALL) || roles.contains(role);
	}

}
