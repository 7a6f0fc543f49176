package io.dyntables.api.table;

/**
 * One DDL statement and what it does to the table.
 *
 * @param sql the statement
 * @param rewritesTable whether PostgreSQL rewrites every row (slow on big tables)
 * @param destroysData whether values are lost (a dropped column or table)
 * @param lock the lock the statement takes on the table
 */
public record DdlStatement(String sql, boolean rewritesTable, boolean destroysData, String lock) {

	public static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";

	public static final String NONE = "none (new table)";

	/**
	 * An ALTER that neither rewrites nor destroys, under PostgreSQL's ALTER TABLE lock.
	 */
	public static DdlStatement alter(String sql) {
		return new DdlStatement(sql, false, false, ACCESS_EXCLUSIVE);
	}

}
