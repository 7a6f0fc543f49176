package io.dyntables.query.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far a caller's grants reach into one table's rows: the fields it may read and
 * write, and the rows it may read and write, as field values a row must have (one
 * alternative per grant; a row is reached when it has all values of any alternative).
 *
 * @param readable the fields rows:read answers, or null for all
 * @param writable the fields rows:write may set, or null for all
 * @param readRows the rows rows:read reaches, or null for all
 * @param writeRows the rows rows:write reaches, or null for all
 */
public record RowLimits(Set<String> readable, Set<String> writable, List<Map<String, String>> readRows,
		List<Map<String, String>> writeRows) {

	/** No limits: every field and row. */
	public static final RowLimits NONE = new RowLimits(null, null, null, null);

	public boolean none() {
		return this.readable == null && this.writable == null && this.readRows == null && this.writeRows == null;
	}

}
