package io.dyntables.api.access;

import java.util.List;
import java.util.Set;

import io.dyntables.api.security.Action;

/**
 * What a role may do: the actions, on which tables, and optionally on which fields and
 * rows. Grants add up: a caller may do what any grant of any of its roles allows.
 *
 * @param actions the actions allowed
 * @param tables the tables they apply to
 * @param readFields the fields whose values rows:read answers, or null for all
 * @param writeFields the fields rows:write may set, or null for all
 * @param rows the row rule ({@code tenant = ${claim.tenant}}), checked when the grant was
 * made, limiting the rows the grant reads and writes; or null for all rows
 */
public record Grant(Set<Action> actions, TableScope tables, List<String> readFields, List<String> writeFields,
		String rows) {

	public Grant {
		actions = Set.copyOf(actions);
		readFields = (readFields != null) ? List.copyOf(readFields) : null;
		writeFields = (writeFields != null) ? List.copyOf(writeFields) : null;
	}

	/** Whether this grant allows the action on the table. */
	public boolean allows(Action action, long tableId, String label) {
		return this.actions.contains(action) && this.tables.covers(tableId, label);
	}

}
