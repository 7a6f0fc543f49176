package io.dyntables.api.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;

/**
 * Decides, from the grants of a caller's roles, what the caller may do on a table: deny
 * by default. A table no grant applies to is invisible (answered as missing); a visible
 * table without a grant of the action is forbidden; otherwise the grants of the action
 * add up to the fields and rows it reaches. An unrestricted caller may do everything.
 */
public final class AccessPolicy {

	private AccessPolicy() {
	}

	/** What the caller may do on one table. */
	public enum Verdict {

		/** No grant applies to the table: it is answered as missing. */
		INVISIBLE,

		/** Grants apply to the table, none with the action. */
		FORBIDDEN,

		/** A grant allows the action. */
		ALLOWED

	}

	/**
	 * The decision on one action on one table.
	 *
	 * @param verdict whether the action is allowed
	 * @param fields the fields it reaches (read for rows:read, written for rows:write),
	 * or null for all
	 * @param rows the field values rows must have, one alternative per grant (a row
	 * matches when it has all the values of any alternative); null for all rows, empty
	 * for none
	 */
	public record Decision(Verdict verdict, Set<String> fields, List<Map<String, String>> rows) {

		public static final Decision EVERYTHING = new Decision(Verdict.ALLOWED, null, null);

		public boolean allowed() {
			return this.verdict == Verdict.ALLOWED;
		}

		/** Whether neither fields nor rows are limited. */
		public boolean unlimited() {
			return allowed() && this.fields == null && this.rows == null;
		}

	}

	/** The decision on the action on the table with this id and label. */
	public static Decision decide(Caller caller, Collection<Grant> grants, Action action, long tableId, String label) {
		if (caller.unrestricted()) {
			return Decision.EVERYTHING;
		}
		boolean visible = false;
		List<Grant> allowing = new ArrayList<>();
		for (Grant grant : grants) {
			if (grant.tables().covers(tableId, label)) {
				visible = true;
				if (grant.actions().contains(action)) {
					allowing.add(grant);
				}
			}
		}
		if (allowing.isEmpty()) {
			return new Decision(visible ? Verdict.FORBIDDEN : Verdict.INVISIBLE, Set.of(), List.of());
		}
		Set<String> fields = new LinkedHashSet<>();
		boolean allFields = false;
		List<Map<String, String>> rows = new ArrayList<>();
		boolean allRows = false;
		for (Grant grant : allowing) {
			List<String> reached = switch (action) {
				case ROWS_READ -> grant.readFields();
				case ROWS_WRITE -> grant.writeFields();
				default -> null;
			};
			if (reached == null) {
				allFields = true;
			}
			else {
				fields.addAll(reached);
			}
			if (grant.rows() == null) {
				allRows = true;
			}
			else {
				Optional<Map<String, String>> bound = RowRule.of(grant.rows()).bind(caller.attributes());
				bound.ifPresent(rows::add);
			}
		}
		return new Decision(Verdict.ALLOWED, allFields ? null : Set.copyOf(fields), allRows ? null : List.copyOf(rows));
	}

	/**
	 * Whether the caller may do the action on every table without limits, as the routes
	 * about no single table (administration, the feed of every table) need.
	 */
	public static boolean allowedEverywhere(Caller caller, Collection<Grant> grants, Action action) {
		return caller.unrestricted() || grants.stream()
			.anyMatch((grant) -> grant.actions().contains(action) && grant.tables().all() && grant.rows() == null
					&& (grant.readFields() == null || action != Action.ROWS_READ)
					&& (grant.writeFields() == null || action != Action.ROWS_WRITE));
	}

	/**
	 * Whether a table with this label (and id, or -1 for a table yet to be created) would
	 * be one the caller may change the schema of: a table created under a pattern the
	 * caller may write falls under every grant of that pattern.
	 */
	public static boolean mayLabel(Caller caller, Collection<Grant> grants, long tableId, String label) {
		return caller.unrestricted()
				|| grants.stream().anyMatch((grant) -> grant.allows(Action.SCHEMA_WRITE, tableId, label));
	}

}
