package io.dyntables.api.access;

import java.util.List;

/**
 * The tables a grant applies to: all of them, the listed ids, or those whose label
 * matches a pattern in which {@code *} stands for any run of characters
 * ({@code sales_*}). A pattern is matched against the table's label as it is now, so a
 * table created or renamed under a matching label falls under the grant at once, and one
 * renamed away leaves it.
 *
 * @param all true for every table
 * @param ids the table ids, or empty
 * @param pattern the label pattern, or null
 */
public record TableScope(boolean all, List<Long> ids, String pattern) {

	public TableScope {
		ids = (ids != null) ? List.copyOf(ids) : List.of();
	}

	public static TableScope allTables() {
		return new TableScope(true, List.of(), null);
	}

	public static TableScope tables(List<Long> ids) {
		return new TableScope(false, ids, null);
	}

	public static TableScope named(String pattern) {
		return "*".equals(pattern) ? allTables() : new TableScope(false, List.of(), pattern);
	}

	/** Whether the grant applies to the table with this id and label. */
	public boolean covers(long tableId, String label) {
		if (this.all) {
			return true;
		}
		if (this.pattern != null) {
			return label != null && matches(this.pattern, label);
		}
		return this.ids.contains(tableId);
	}

	/**
	 * Whether the label matches the pattern, {@code *} matching any run of characters.
	 */
	static boolean matches(String pattern, String label) {
		String[] parts = pattern.split("\\*", -1);
		if (parts.length == 1) {
			return pattern.equals(label);
		}
		if (!label.startsWith(parts[0])) {
			return false;
		}
		int at = parts[0].length();
		for (int i = 1; i < parts.length - 1; i++) {
			int found = label.indexOf(parts[i], at);
			if (found < 0) {
				return false;
			}
			at = found + parts[i].length();
		}
		String last = parts[parts.length - 1];
		return label.length() - last.length() >= at && label.endsWith(last);
	}

	/** The scope as written in a grant: {@code "*"}, the pattern, or the ids. */
	public Object written() {
		return this.all ? "*" : (this.pattern != null) ? this.pattern : this.ids;
	}

}
